package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/kehoach/kehoach/cmd/kehoach/internal/atomicfile"
	"github.com/kehoach/kehoach/plan"
	"github.com/kehoach/kehoach/report/appendix"
)

type exportOptions struct {
	io   *streams
	g    *globalOptions
	file string
	// out is the folder the workbooks go to.
	out   string
	split bool
	// appendices is the --appendix subset, "" for all.
	appendices  string
	numberStyle appendix.NumberStyle
	force       bool
	check       bool
	strict      bool
	// writeFile replaces a file with what write writes, all at once
	// (atomicfile.Write when nil); tests replace it to inject faults such
	// as a full disk.
	writeFile func(path string, write func(io.Writer) error) error
	// progressAfter is how long the export runs before its progress
	// shows, when standard error is a terminal.
	progressAfter time.Duration
}

func newExportCmd(s *streams, g *globalOptions) *cobra.Command {
	o := &exportOptions{io: s, g: g, progressAfter: progressAfter}
	cmd := &cobra.Command{
		Use:   "export FILE",
		Short: "Xuất các phụ lục Excel / write the appendix workbooks",
		Long: `Kiểm tra kế hoạch rồi xuất các phụ lục (Phụ lục 1, 2, 3, …) thành tệp Excel
<tên tệp>-phu-luc.xlsx trong thư mục -o. Kế hoạch có lỗi thì không xuất, trừ khi
có --force. Mọi tổng là công thức, kèm giá trị đã tính.

Validates the plan, then writes its appendices (Phụ lục 1, 2, 3, …) as the Excel
workbook <file name>-phu-luc.xlsx in the folder -o. A plan with errors is
refused unless --force. Every total is a live formula with its computed value.

Exit codes: 0 written (or, with --check, up to date); 1 the plan has errors
(or warnings with --strict), or with --check the workbooks differ; 2 the tool
could not do its job.`,
		Example: `  kehoach export examples/bao-yen-2022.yaml -o out
  kehoach export plan.yaml --split --appendix 1,3-5
  kehoach export plan.yaml -o appendices --check`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			o.file = args[0]
			return runExport(o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.out, "out", "o", ".", "thư mục ghi tệp / folder to write to")
	f.BoolVar(&o.split, "split", false, "mỗi phụ lục một tệp / one workbook per appendix")
	f.StringVar(&o.appendices, "appendix", "", "chỉ các phụ lục này / only these appendices, e.g. 1,3-5")
	f.Var(newChoice(&o.numberStyle, "vi", []string{"vi", "locale"}, appendix.ParseNumberStyle, &g.early), "number-style", "dấu phân cách hàng nghìn / thousands: vi (7.604), locale (#,##0)")
	f.BoolVar(&o.force, "force", false, "xuất cả khi kế hoạch có lỗi / export despite errors")
	f.BoolVar(&o.check, "check", false, "không ghi; báo lỗi nếu tệp đã có khác kế hoạch / write nothing; fail if the workbooks differ")
	f.BoolVar(&o.strict, "strict", false, "cảnh báo cũng là lỗi / warnings fail too")
	return cmd
}

// workbookFile is one workbook to write and the appendices it holds.
type workbookFile struct {
	path    string
	numbers []int
}

func runExport(o *exportOptions) error {
	lang, err := o.g.language()
	if err != nil {
		return err
	}
	subset, bad, ok := parseNumbers(o.appendices, 0)
	if !ok {
		return flagErrorf(inLang(lang, "--appendix %q: %q không phải số phụ lục hay khoảng số phụ lục (ví dụ 1,3-5)",
			"--appendix %q: %q is not an appendix number or range (for example 1,3-5)"), o.appendices, bad)
	}
	if o.file == plan.StdinArg {
		return flagErrorf("%s", inLang(lang, "export cần một tệp kế hoạch (tên tệp đặt tên cho phụ lục), không đọc đầu vào chuẩn",
			"export needs a plan file (its name names the workbooks), not standard input"))
	}

	// On a terminal, a progress bar on standard error once the export
	// takes more than a moment; the findings go through it, so that they
	// start on a clean line.
	errOut := o.io.ErrOut
	var bar *progressBar
	if o.io.errTTY && !o.check {
		bar = newProgressBar(o.io.ErrOut, lang, o.progressAfter)
		bar.begin()
		defer bar.finish()
		errOut = bar
	}
	p, err := loadForExport(o.io.In, errOut, lang, o.file, o.force, o.strict)
	if err != nil {
		return err
	}
	releaseTree()

	have := appendix.Numbers(p)
	numbers := have
	if subset != nil {
		numbers = nil
		for _, n := range have {
			if subset.has(n) {
				numbers = append(numbers, n)
			}
		}
		if missing := subset.missing(have); len(missing) > 0 {
			return flagErrorf("--appendix %q: %s %s", o.appendices,
				inLang(lang, "kế hoạch không có phụ lục", "the plan has no appendix"), joinInts(missing)+
					inLang(lang, "; các phụ lục: ", "; its appendices are ")+joinInts(have))
		}
	}

	date, err := appendix.DocumentDate(p, o.io.getenv("SOURCE_DATE_EPOCH"))
	if err != nil {
		return err
	}
	opts := appendix.Options{NumberStyle: o.numberStyle, Date: date}
	if bar != nil {
		opts.Progress = bar.update
	}
	base := strings.TrimSuffix(filepath.Base(o.file), filepath.Ext(o.file)) + "-phu-luc"
	var files []workbookFile
	if o.split {
		for _, n := range numbers {
			files = append(files, workbookFile{filepath.Join(o.out, base+"-"+strconv.Itoa(n)+".xlsx"), []int{n}})
		}
	} else {
		files = append(files, workbookFile{filepath.Join(o.out, base+".xlsx"), numbers})
	}

	if o.check {
		return checkWorkbooks(o.io, lang, p, files, opts)
	}
	if err := makeFolder(lang, o.out); err != nil {
		return err
	}
	writeFile := o.writeFile
	if writeFile == nil {
		writeFile = atomicfile.Write
	}
	for _, f := range files {
		// The workbook goes straight into the temporary file that replaces
		// the old one: the national plan's is not held in memory twice.
		// A failure to write is the file's (disk full, …); any other is
		// the workbook's.
		var buildErr error
		err := writeWorkbook(lang, writeFile, f.path, func(w io.Writer) error {
			fw := &failedWriter{w: w}
			err := appendix.Write(fw, p, f.numbers, opts)
			if fw.err != nil {
				return fw.err
			}
			buildErr = err
			return err
		})
		if buildErr != nil {
			return fmt.Errorf("%s: %w", f.path, buildErr)
		}
		if err != nil {
			return err
		}
		if bar != nil {
			bar.println(o.io.Out, f.path)
		} else {
			fmt.Fprintln(o.io.Out, f.path)
		}
	}
	return nil
}

// failedWriter keeps the first error of the writer it wraps.
type failedWriter struct {
	w   io.Writer
	err error
}

func (f *failedWriter) Write(p []byte) (int, error) {
	n, err := f.w.Write(p)
	if err != nil && f.err == nil {
		f.err = err
	}
	return n, err
}

// makeFolder creates the output folder (and its parents) when it is
// missing, with a clear error when a file stands where a folder should.
func makeFolder(lang plan.Lang, dir string) error {
	err := os.MkdirAll(dir, 0o777)
	if err == nil {
		return nil
	}
	// The first part of the path that exists and is not a folder.
	for p := filepath.Clean(dir); ; p = filepath.Dir(p) {
		if st, serr := os.Stat(p); serr == nil {
			if !st.IsDir() {
				return fmt.Errorf("%s: %s", p, inLang(lang,
					"là một tệp, không phải thư mục: không tạo được thư mục xuất "+dir+"; chọn thư mục khác bằng -o",
					"is a file, not a folder: cannot create the output folder "+dir+"; choose another with -o"))
			}
			break
		}
		if parent := filepath.Dir(p); parent == p {
			break
		}
	}
	return fmt.Errorf("%s: %s (%s)", dir, inLang(lang, "không tạo được thư mục xuất", "cannot create the output folder"), cause(err))
}

// loadForExport reads and validates a plan (loadPlan). A plan with errors
// (or with strict, warnings) is refused unless force, and a plan that
// could not be read at all always is.
func loadForExport(in io.Reader, errOut io.Writer, lang plan.Lang, name string, force, strict bool) (*plan.Plan, error) {
	file, p, err := loadPlan(in, errOut, lang, name, strict)
	if err != nil {
		return nil, err
	}
	switch {
	case p == nil:
		fmt.Fprintf(errOut, "kehoach: %s\n", inLang(lang, "không đọc được kế hoạch, không xuất phụ lục", "the plan could not be read; nothing exported"))
		return nil, errFindings
	case file.Failed(strict) && !force:
		why := inLang(lang, "kế hoạch có lỗi", "the plan has errors")
		if file.Valid() {
			why = inLang(lang, "kế hoạch có cảnh báo (--strict)", "the plan has warnings (--strict)")
		}
		fmt.Fprintf(errOut, "kehoach: %s, %s\n", why, inLang(lang, "không xuất phụ lục (--force để xuất dù vậy)", "nothing exported (--force exports anyway)"))
		return nil, errFindings
	}
	return p, nil
}

// releaseTree returns to the system the memory that reading the plan
// took and no longer needs: the YAML tree, more than twice the size of
// the model for the national plan, dies once the model is built. Left to
// the garbage collector, its pages stay with the process while the
// workbook's sheet buffers (large blocks, which the pages of the freed
// small nodes cannot hold) are added on top: 430 MiB at the peak for the
// national plan, 380 MiB with this. It costs one collection of the model,
// about 40 ms there, and nothing that matters for a district plan.
func releaseTree() { debug.FreeOSMemory() }

// writeWorkbook replaces the workbook at path with what write writes,
// refusing when a spreadsheet program has it open. Any failure leaves the previous
// workbook as it was and no temporary file, and says so in one line.
func writeWorkbook(lang plan.Lang, writeFile func(string, func(io.Writer) error) error, path string, write func(io.Writer) error) error {
	if lock, ok := officeLock(path); ok {
		return fmt.Errorf("%s: %s (%s)", path, inLang(lang,
			"tệp đang được mở trong chương trình khác; đóng tệp rồi xuất lại, hoặc xóa tệp khóa nếu không còn chương trình nào mở nó",
			"the workbook is open in another program; close it and export again, or delete the lock file if no program has it open"), lock)
	}
	st, statErr := os.Stat(path)
	existed := statErr == nil
	if existed && st.IsDir() {
		return fmt.Errorf("%s: %s", path, inLang(lang,
			"là một thư mục, không phải tệp phụ lục; không ghi gì",
			"is a folder, not a workbook; nothing was written"))
	}
	err := writeFile(path, write)
	if errors.Is(err, atomicfile.ErrLocked) {
		return fmt.Errorf("%s: %s (%v)", path, inLang(lang,
			"tệp đang được mở trong chương trình khác (Excel?); đóng tệp rồi xuất lại, tệp cũ vẫn giữ nguyên",
			"the workbook is open in another program (Excel?); close it and export again, the old file is unchanged"), errors.Unwrap(err))
	}
	if err == nil {
		return nil
	}
	kept := inLang(lang, "không ghi gì", "nothing was written")
	if existed {
		kept = inLang(lang, "tệp cũ vẫn giữ nguyên", "the previous workbook is unchanged")
	}
	return fmt.Errorf("%s: %s: %s; %s", path, inLang(lang, "không ghi được phụ lục", "could not write the workbook"), writeProblem(lang, err), kept)
}

// writeProblem says in plain words why a file could not be written, with
// the system's own words after it.
func writeProblem(lang plan.Lang, err error) string {
	var what string
	switch {
	case errors.Is(err, syscall.ENOSPC):
		what = inLang(lang, "đĩa đầy", "the disk is full")
	case errors.Is(err, syscall.EFBIG):
		what = inLang(lang, "tệp vượt giới hạn kích thước tệp của hệ thống (ulimit -f hoặc hạn mức đĩa)", "the file is larger than the system lets a file grow (ulimit -f, or a disk quota)")
	case errors.Is(err, syscall.EDQUOT):
		what = inLang(lang, "hết hạn mức đĩa", "the disk quota is used up")
	case errors.Is(err, syscall.EROFS):
		what = inLang(lang, "thư mục chỉ đọc", "the folder is read-only")
	case errors.Is(err, fs.ErrPermission):
		what = inLang(lang, "không có quyền ghi vào thư mục", "no permission to write in the folder")
	default:
		return cause(err)
	}
	return what + " (" + cause(err) + ")"
}

// cause is the system's words for an error, without the operation and the
// path of a temporary file that a user never sees.
func cause(err error) string {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return pe.Err.Error()
	case errors.As(err, &le):
		return le.Err.Error()
	}
	return err.Error()
}

// officeLock returns the lock file a spreadsheet program keeps next to a
// workbook it has open: Excel's ~$name, LibreOffice's .~lock.name#.
func officeLock(path string) (string, bool) {
	dir, name := filepath.Split(path)
	candidates := []string{"~$" + name, ".~lock." + name + "#"}
	if r := []rune(name); len(r) > 2 {
		candidates = append(candidates, "~$"+string(r[2:])) // Word's and Excel's short form
	}
	for _, c := range candidates {
		p := filepath.Join(dir, c)
		if st, err := os.Lstat(p); err == nil && st.Mode().IsRegular() {
			return p, true
		}
	}
	return "", false
}

// checkWorkbooks compares the workbooks in the folder with what the plan
// produces now, writing nothing: each file is reported up to date or with
// its first difference, and any difference fails the run.
func checkWorkbooks(s *streams, lang plan.Lang, p *plan.Plan, files []workbookFile, opts appendix.Options) error {
	stale := false
	for _, f := range files {
		var buf bytes.Buffer
		if err := appendix.Write(&buf, p, f.numbers, opts); err != nil {
			return fmt.Errorf("%s: %w", f.path, err)
		}
		old, err := os.ReadFile(f.path)
		if errors.Is(err, fs.ErrNotExist) {
			stale = true
			fmt.Fprintf(s.Out, "%s: %s\n", f.path, inLang(lang, "chưa có (chưa xuất)", "missing (not exported)"))
			continue
		}
		if err != nil {
			return err
		}
		if bytes.Equal(old, buf.Bytes()) {
			fmt.Fprintf(s.Out, "%s: %s\n", f.path, inLang(lang, "khớp với kế hoạch", "up to date"))
			continue
		}
		d, differ, err := appendix.Compare(old, buf.Bytes())
		if err != nil {
			stale = true
			fmt.Fprintf(s.Out, "%s: %s: %v\n", f.path, inLang(lang, "không đọc được", "unreadable"), err)
			continue
		}
		if !differ {
			fmt.Fprintf(s.Out, "%s: %s\n", f.path, inLang(lang, "khớp với kế hoạch", "up to date"))
			continue
		}
		stale = true
		fmt.Fprintf(s.Out, "%s: %s\n", f.path, describeDifference(lang, d))
	}
	if stale {
		return errFindings
	}
	return nil
}

// describeDifference says where a workbook differs from the plan.
func describeDifference(lang plan.Lang, d appendix.Difference) string {
	show := func(v string) string {
		if v == "" {
			return inLang(lang, "(trống)", "(empty)")
		}
		return strconv.Quote(v)
	}
	if d.Ref == "" {
		return fmt.Sprintf(inLang(lang, "khác kế hoạch: các trang tính là %s, kế hoạch cho %s", "differs from the plan: the sheets are %s, the plan gives %s"),
			d.Old, d.New)
	}
	return fmt.Sprintf(inLang(lang, "khác kế hoạch từ ô %s!%s: tệp có %s, kế hoạch cho %s", "differs from the plan at %s!%s: the file has %s, the plan gives %s"),
		d.Sheet, d.Ref, show(d.Old), show(d.New))
}

func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ", ")
}

// inLang picks the message in the language.
func inLang(lang plan.Lang, vi, en string) string { return plan.Message{VI: vi, EN: en}.In(lang) }
