package plan

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"
)

// SkeletonOptions say which plan a skeleton is for.
type SkeletonOptions struct {
	// Programme is the programme id; DefaultProgramme when empty.
	Programme string
	// Province and District name the district, without "tỉnh"/"huyện":
	// "Lào Cai", "Bảo Yên".
	Province, District string
	// Year is the plan year, within the programme's period.
	Year int
	// Projects are the project numbers to list, in any order; every
	// project of the programme when empty.
	Projects []int
}

// FileName is the name `kehoach init` gives a new plan: "bao-yen-2024.yaml".
func (o SkeletonOptions) FileName() string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(stripMarks(norm.NFC.String(o.District))) {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		b.WriteString("ke-hoach")
	}
	return b.String() + "-" + strconv.Itoa(o.Year) + ".yaml"
}

// Skeleton returns a new district plan file for `kehoach init`: the plan
// block filled in from the options, every chosen project and all its
// sub-projects with the catalogue's official names and appendix numbers
// 3, 4, 5, … in project order, and the rest (funding, targets, communes,
// rules) as commented examples, with comments in Vietnamese saying what to
// fill in. It validates with no error; each project and sub-project
// without funding is a B207 warning until it is filled in.
func Skeleton(o SkeletonOptions) ([]byte, error) {
	id := o.Programme
	if id == "" {
		id = DefaultProgramme
	}
	prog, ok := LookupProgramme(id)
	if !ok {
		return nil, fmt.Errorf("unknown programme %q (known: %s)", id, strings.Join(ProgrammeIDs(), ", "))
	}
	province := strings.TrimSpace(norm.NFC.String(o.Province))
	district := strings.TrimSpace(norm.NFC.String(o.District))
	for _, v := range []struct{ name, value string }{{"province", province}, {"district", district}} {
		if v.value == "" {
			return nil, fmt.Errorf("the %s is missing", v.name)
		}
		if strings.ContainsFunc(v.value, unicode.IsControl) {
			return nil, fmt.Errorf("the %s %q holds a control character", v.name, v.value)
		}
	}
	if o.Year < prog.Period.From || o.Year > prog.Period.To {
		return nil, fmt.Errorf("year %d is outside the programme's period %d–%d", o.Year, prog.Period.From, prog.Period.To)
	}
	projects := prog.Projects
	if len(o.Projects) > 0 {
		projects = nil
		for _, n := range o.Projects {
			p, ok := prog.Project(n)
			if !ok {
				return nil, fmt.Errorf("the programme has no project %d (its projects are %s)", n, projectNumbers(prog))
			}
			if !slices.ContainsFunc(projects, func(q CatalogueProject) bool { return q.Number == n }) {
				projects = append(projects, *p)
			}
		}
		slices.SortFunc(projects, func(a, b CatalogueProject) int { return a.Number - b.Number })
	}

	short, _, _ := strings.Cut(prog.Name, " giai đoạn ")
	title := fmt.Sprintf("Kế hoạch thực hiện %s huyện %s năm %d", short, district, o.Year)
	var b strings.Builder
	w := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	put := func(line string) { b.WriteString(line) } // a line holding %
	w("# yaml-language-server: $schema=kehoach.schema.json\n")
	w("#\n")
	w("# %s\n", title)
	w("# Khung kế hoạch do `kehoach init` tạo. Cách điền:\n")
	w("# - điền các giá trị còn trống, bỏ dấu `# ` ở đầu các dòng ví dụ cần dùng và thay số 0 bằng số liệu;\n")
	w("# - số tiền tính bằng triệu đồng, viết theo kiểu YAML: 3188 (không viết 3.188), 241.5 (không viết 241,5);\n")
	w("# - kiểm tra bằng lệnh: kehoach validate <tên tệp>\n")
	w("# - để trình soạn thảo (VS Code với phần mở rộng YAML) gợi ý khóa và báo lỗi khi gõ, lưu lược đồ\n")
	w("#   bên cạnh tệp này: kehoach schema > kehoach.schema.json\n")
	w("kehoach: 1\n")
	w("plan:\n")
	w("  title: %s\n", scalar(title))
	w("  program: %s\n", scalar(prog.ID))
	w("  year: %d\n", o.Year)
	w("  issuer: %s  # sửa nếu là thị xã, thành phố\n", scalar("UBND huyện "+district))
	w("  parent: %s\n", scalar("UBND tỉnh "+province))
	w("  province: %s\n", scalar(province))
	w("  district: %s\n", scalar(district))
	w("  number: \"\"  # số văn bản, ví dụ \"215/KH-UBND\"; để trống khi còn là dự thảo\n")
	w("  # date: %d-01  # ngày ban hành: YYYY-MM khi còn là dự thảo, YYYY-MM-DD khi ký\n", o.Year)
	w("  place: %s\n", scalar(district))
	w("  currency_unit: %s  # mọi số tiền trong tệp tính bằng triệu đồng\n", MillionVND)
	w("  # signer:\n")
	w("  #   on_behalf: TM. ỦY BAN NHÂN DÂN\n")
	w("  #   authority: KT. CHỦ TỊCH\n")
	w("  #   title: PHÓ CHỦ TỊCH\n")
	w("  #   name: Họ và tên người ký\n")
	w("  # basis:  # các căn cứ pháp lý\n")
	w("  #   - %s phê duyệt %s\n", prog.Decision, prog.Name)
	w("\n")
	w("# Tham số kiểm tra của kế hoạch này (không bắt buộc):\n")
	w("# rules:\n")
	w("#   tolerance: 1  # chênh lệch do làm tròn (triệu đồng) chỉ là cảnh báo, không phải lỗi\n")
	put("#   counterpart_min_percent: 10  # vốn đối ứng NSĐP tối thiểu, theo % vốn NSTW\n")
	if len(prog.CounterpartBands) > 0 {
		w("#   # Mức tối thiểu của tỉnh (%s):\n", prog.FundingDecision)
		for _, band := range prog.CounterpartBands {
			w("#   #   %d %%: %s\n", band.Percent, band.When)
		}
	}
	w("\n")
	w("# Các xã, thị trấn (không bắt buộc): cần khi hoạt động hoặc chỉ tiêu ghi theo xã.\n")
	w("# Mã xã (id) viết thường, không dấu, nối bằng gạch ngang.\n")
	w("# communes:\n")
	w("#   - {id: ten-xa, name: Xã Tên Xã, households: 0, poor: 0, near_poor: 0}\n")
	w("#   - {id: ten-thi-tran, name: Thị trấn Tên Thị Trấn, households: 0, poor: 0, near_poor: 0}\n")
	w("\n")
	w("# Chỉ tiêu (Phụ lục 1): điền số liệu của huyện rồi bỏ dấu `# `.\n")
	w("# targets:\n")
	w("#   baseline: {households: 0, poor: 0, near_poor: 0}  # số hộ, hộ nghèo, hộ cận nghèo đầu năm\n")
	put("#   poverty_reduction: {percent: 0, households: 0}  # giảm hộ nghèo: điểm % trong năm và số hộ\n")
	w("#   near_poverty_reduction: {percent: 0, households: 0}  # giảm hộ cận nghèo\n")
	put("#   job_support_percent: 100  # % lao động hộ nghèo, cận nghèo có nhu cầu được hỗ trợ việc làm\n")
	w("#   new_jobs: 0  # số lao động được tạo việc làm mới\n")
	w("#   by_commune:  # chỉ tiêu theo xã (tổng phải bằng chỉ tiêu huyện)\n")
	w("#     - {commune: ten-xa, poverty_reduction: {households: 0}, near_poverty_reduction: {households: 0}, new_jobs: 0}\n")
	w("\n")
	w("# Các dự án thành phần, tên chính thức theo %s.\n", prog.Decision)
	w("# Với mỗi dự án hoặc tiểu dự án: ghi cơ quan chủ trì (lead) và kinh phí (funding, triệu đồng):\n")
	w("# central = vốn NSTW, local = vốn đối ứng NSĐP, other = vốn huy động khác; total (nếu ghi) là tổng.\n")
	w("# Xóa dự án, tiểu dự án không thực hiện trong năm, rồi đánh lại số phụ lục 3, 4, 5, … theo thứ tự.\n")
	w("projects:\n")
	for i, p := range projects {
		if i > 0 {
			w("\n")
		}
		if p.PoorDistrictsOnly {
			w("  # Dự án %d chỉ dành cho huyện nghèo: xóa nếu huyện không phải huyện nghèo.\n", p.Number)
		}
		w("  - project: %d\n", p.Number)
		w("    name: %s\n", scalar(p.Name))
		w("    appendix: %d\n", 3+i)
		w("    # lead: Phòng …  # cơ quan chủ trì\n")
		w("    # partners: [Phòng …]  # cơ quan phối hợp\n")
		if len(p.Subprojects) == 0 {
			w("    # funding: {central: 0, local: 0, other: 0}\n")
			continue
		}
		w("    subprojects:\n")
		for _, s := range p.Subprojects {
			w("      - subproject: %d\n", s.Number)
			w("        name: %s\n", scalar(s.Name))
			w("        # lead: Phòng …\n")
			w("        # funding: {central: 0, local: 0, other: 0}\n")
		}
	}
	w("\n")
	w("# Tổng kinh phí của kế hoạch (IV. KINH PHÍ THỰC HIỆN), không bắt buộc: nếu ghi, mỗi nguồn\n")
	w("# phải bằng tổng các dự án.\n")
	w("# funding: {total: 0, central: 0, local: 0, other: 0}\n")
	w("\n")
	w("# Dự toán được giao (không bắt buộc): vốn NSTW của mỗi dự án không được vượt số được giao.\n")
	w("# allocation:\n")
	w("#   source: Quyết định số … của UBND tỉnh %s\n", province)
	w("#   projects:\n")
	w("#     - {project: %d, central: 0}\n", projects[0].Number)
	return []byte(b.String()), nil
}

// scalar writes a text as a YAML scalar on one line: plain where YAML
// reads it back as the same text, double-quoted otherwise.
func scalar(s string) string {
	n := yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	out, err := yaml.Marshal(&n)
	if err != nil || strings.Count(string(out), "\n") > 1 {
		return strconv.Quote(s)
	}
	return strings.TrimSuffix(string(out), "\n")
}

func projectNumbers(p *Programme) string {
	nums := make([]string, len(p.Projects))
	for i, q := range p.Projects {
		nums[i] = strconv.Itoa(q.Number)
	}
	return strings.Join(nums, ", ")
}
