package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kehoach/kehoach/plan"
)

type initOptions struct {
	io       *streams
	g        *globalOptions
	district string
	province string
	year     int
	projects string
	program  string
	out      string
	force    bool
}

func newInitCmd(s *streams, g *globalOptions) *cobra.Command {
	return newInitCmdF(s, g, nil)
}

// newInitCmdF is newInitCmd with a replacement for runInit, for tests of
// the flags.
func newInitCmdF(s *streams, g *globalOptions, runF func(*initOptions) error) *cobra.Command {
	o := &initOptions{io: s, g: g}
	cmd := &cobra.Command{
		Use:   "init --district NAME --province NAME --year YEAR",
		Short: "Tạo khung kế hoạch mới / write a new plan skeleton",
		Long: `Viết khung kế hoạch cấp huyện cho một năm: khối plan đã điền, mọi dự án và tiểu dự án
của chương trình (hoặc các dự án chọn bằng --projects) với tên chính thức và số phụ lục
3, 4, 5, …; chỉ tiêu, xã và kinh phí là các dòng ví dụ đã tắt (#), kèm chú thích cách điền.
Khung hợp lệ ngay (chỉ có cảnh báo B207 vì chưa có kinh phí). Không ghi đè tệp đã có,
trừ khi có --force. -o - in ra đầu ra chuẩn.

Writes a district plan skeleton for a year: the plan block filled in, every
project and sub-project of the programme (or those chosen with --projects)
with their official names and appendix numbers 3, 4, 5, …; targets, communes
and funding as commented examples, with comments (in Vietnamese) on what to
fill in. It validates at once (B207 warnings only, for the missing funding).
It does not overwrite an existing file without --force. -o - prints it.`,
		Example: `  kehoach init --district "Bảo Yên" --province "Lào Cai" --year 2024
  kehoach init --district "Bảo Yên" --province "Lào Cai" --year 2024 --projects 2,3,4,6,7 -o ke-hoach-2024.yaml`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(o)
			}
			return runInit(o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.district, "district", "", "tên huyện, không có chữ \"huyện\" / district name")
	f.StringVar(&o.province, "province", "", "tên tỉnh, không có chữ \"tỉnh\" / province name")
	f.IntVar(&o.year, "year", 0, "năm kế hoạch / plan year")
	f.StringVar(&o.projects, "projects", "", "các dự án, ví dụ 2,3,4,6,7 hoặc 2-4,6 (mặc định: tất cả) / projects (default: all)")
	f.StringVar(&o.program, "program", plan.DefaultProgramme, "mã chương trình / programme id")
	f.StringVarP(&o.out, "out", "o", "", "tệp ghi ra (mặc định TÊN-HUYỆN-NĂM.yaml; - là đầu ra chuẩn) / file to write")
	f.BoolVar(&o.force, "force", false, "ghi đè tệp đã có / overwrite an existing file")
	return cmd
}

// skeletonOptions checks the flags and turns them into the skeleton's
// options.
func (o *initOptions) skeletonOptions(lang plan.Lang) (plan.SkeletonOptions, error) {
	say := func(vi, en string) string {
		if lang == plan.EN {
			return en
		}
		return vi
	}
	so := plan.SkeletonOptions{Programme: o.program, Province: o.province, District: o.district, Year: o.year}
	var missing []string
	for _, f := range []struct {
		name string
		set  bool
	}{{"--district", strings.TrimSpace(o.district) != ""}, {"--province", strings.TrimSpace(o.province) != ""}, {"--year", o.year != 0}} {
		if !f.set {
			missing = append(missing, f.name)
		}
	}
	if len(missing) > 0 {
		return so, flagErrorf(say("thiếu %s", "missing %s"), strings.Join(missing, ", "))
	}
	prog, ok := plan.LookupProgramme(o.program)
	if !ok {
		return so, flagErrorf(say("--program %q: không có chương trình này; các chương trình: %s", "--program %q: unknown programme; known: %s"),
			o.program, strings.Join(plan.ProgrammeIDs(), ", "))
	}
	if o.year < prog.Period.From || o.year > prog.Period.To {
		return so, flagErrorf(say("--year %d: ngoài giai đoạn %d–%d của chương trình", "--year %d: outside the programme's period %d–%d"),
			o.year, prog.Period.From, prog.Period.To)
	}
	if o.projects != "" {
		set, bad, ok := parseNumbers(o.projects, 99)
		if !ok {
			return so, flagErrorf(say("--projects %q: %q không phải số dự án hay khoảng số dự án (1 đến 99); ví dụ 2,3,4,6,7 hoặc 2-4,6",
				"--projects %q: %q is not a project number or range (1 to 99); for example 2,3,4,6,7 or 2-4,6"), o.projects, bad)
		}
		nums := set.list()
		for _, n := range nums {
			if _, ok := prog.Project(n); !ok {
				return so, flagErrorf(say("--projects %q: chương trình không có Dự án %d (chỉ có Dự án 1 đến %d)", "--projects %q: the programme has no project %d (it has projects 1 to %d)"),
					o.projects, n, len(prog.Projects))
			}
		}
		so.Projects = nums
	}
	return so, nil
}

func runInit(o *initOptions) error {
	lang, err := o.g.language()
	if err != nil {
		return err
	}
	so, err := o.skeletonOptions(lang)
	if err != nil {
		return err
	}
	src, err := plan.Skeleton(so)
	if err != nil {
		return err
	}
	if o.out == "-" {
		_, err := o.io.Out.Write(src)
		return err
	}
	name := o.out
	if name == "" {
		name = so.FileName()
	}
	flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if o.force {
		flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	f, err := os.OpenFile(name, flags, 0o644)
	if errors.Is(err, fs.ErrExist) {
		if lang == plan.EN {
			return fmt.Errorf("%s already exists; use --force to overwrite it", name)
		}
		return fmt.Errorf("%s đã có; dùng --force để ghi đè", name)
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(src); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if lang == plan.EN {
		fmt.Fprintf(o.io.ErrOut, "wrote %s; fill it in, then run: kehoach validate %s\n", name, name)
	} else {
		fmt.Fprintf(o.io.ErrOut, "đã ghi %s; điền số liệu rồi chạy: kehoach validate %s\n", name, name)
	}
	return nil
}
