package plan

import (
	"embed"
	"slices"
	"strings"
)

// Code is the stable code of a finding, such as B203. A code never changes
// meaning once released; the table below holds what each one is.
type Code string

// The codes kehoach reports, in code order. docs/rules.md describes them.
const (
	E101 Code = "E101"
	E102 Code = "E102"
	E103 Code = "E103"
	E104 Code = "E104"
	W105 Code = "W105"
	E106 Code = "E106"
	E107 Code = "E107"
	E108 Code = "E108"
	E109 Code = "E109"
	E110 Code = "E110"
	E111 Code = "E111"
	W112 Code = "W112"
	B201 Code = "B201"
	B202 Code = "B202"
	B203 Code = "B203"
	B204 Code = "B204"
	B205 Code = "B205"
	B206 Code = "B206"
	B207 Code = "B207"
	B208 Code = "B208"
	T301 Code = "T301"
	T302 Code = "T302"
	T303 Code = "T303"
	T304 Code = "T304"
	C401 Code = "C401"
	C402 Code = "C402"
	C403 Code = "C403"
	C404 Code = "C404"
	C405 Code = "C405"
)

// Rule describes one code: its default severity, whether it stops the file
// (nothing else in it can be trusted, so no other finding of the file is
// reported) and a one-line title in both languages. B201–B203 are errors
// by default and warnings when the difference is within the plan's
// tolerance.
type Rule struct {
	Code     Code
	Severity Severity
	Stops    bool
	Title    Message
}

// rules is the table of codes, in code order: the one place that says
// what a code is.
var rules = []Rule{
	{E101, Error, true, Message{"Tệp không phải YAML hợp lệ", "Not valid YAML"}},
	{E102, Error, false, Message{"Khóa không được biết", "Unknown key"}},
	{E103, Error, false, Message{"Sai kiểu hoặc giá trị ngoài phạm vi", "Wrong type or value out of range"}},
	{E104, Error, false, Message{"Số tiền viết theo kiểu Việt Nam dưới dạng chữ", "Amount written as text in Vietnamese notation"}},
	{W105, Warning, false, Message{"Số tiền có đúng ba chữ số thập phân (có thể là dấu phân cách hàng nghìn)", "Amount with exactly three decimals (possibly a thousands separator)"}},
	{E106, Error, false, Message{"Thiếu khóa bắt buộc", "Required key missing"}},
	{E107, Error, false, Message{"Trùng lặp", "Duplicate"}},
	{E108, Error, false, Message{"Mã xã không có trong danh sách communes", "Commune id not in communes"}},
	{E109, Error, true, Message{"Không phải tệp kế hoạch hoặc phiên bản không hỗ trợ", "Not a plan file, or unsupported format version"}},
	{E110, Error, true, Message{"Vượt giới hạn", "Beyond a limit"}},
	{E111, Error, true, Message{"Không phải UTF-8 hợp lệ", "Not valid UTF-8"}},
	{W112, Warning, false, Message{"Văn bản không ở dạng Unicode NFC", "Text not in Unicode NFC"}},
	{B201, Error, false, Message{"Tổng kinh phí khác tổng các nguồn", "Total differs from the sum of its sources"}},
	{B202, Error, false, Message{"Kinh phí dự án khác tổng các thành phần", "Funding differs from the sum of its parts"}},
	{B203, Error, false, Message{"Tổng kinh phí kế hoạch khác tổng các dự án", "Plan totals differ from the sum of the projects"}},
	{B204, Warning, false, Message{"Vốn đối ứng NSĐP của kế hoạch dưới mức tối thiểu", "Plan's local counterpart funds below the minimum"}},
	{B205, Warning, false, Message{"Vốn đối ứng NSĐP của dự án, tiểu dự án dưới mức tối thiểu", "Project's local counterpart funds below the minimum"}},
	{B206, Error, false, Message{"Vốn NSTW vượt dự toán được giao", "Central funds exceed the allocation"}},
	{B207, Warning, false, Message{"Dự án, tiểu dự án không có kinh phí", "Project or sub-project without funding"}},
	{B208, Warning, false, Message{"Dự toán giao cho dự án, tiểu dự án mà kế hoạch không có", "Allocation for a project or sub-project the plan does not have"}},
	{T301, Warning, false, Message{"Số hộ và tỷ lệ giảm không khớp với số hộ đầu năm", "Households and percent of a target disagree with the baseline"}},
	{T302, Warning, false, Message{"Hai chỉ tiêu giảm nghèo ngụ ý tổng số hộ khác nhau", "The reduction targets imply different totals of households"}},
	{T303, Error, false, Message{"Chỉ tiêu theo xã không cộng bằng chỉ tiêu huyện", "Per-commune targets do not add up to the district's"}},
	{T304, Error, false, Message{"Số hộ giảm vượt số hộ đầu năm", "Reduction exceeds the households at the start of the year"}},
	{C401, Error, false, Message{"Chương trình không có trong danh mục", "Unknown programme"}},
	{C402, Error, false, Message{"Năm kế hoạch ngoài giai đoạn của chương trình", "Plan year outside the programme's period"}},
	{C403, Error, false, Message{"Số dự án, tiểu dự án không có trong chương trình", "Project or sub-project number not in the programme"}},
	{C404, Warning, false, Message{"Tên khác tên chính thức", "Name differs from the official name"}},
	{C405, Error, false, Message{"Số phụ lục không đúng thứ tự", "Appendix numbering"}},
}

// AllRules returns every rule in code order.
func AllRules() []Rule { return slices.Clone(rules) }

// Rule returns the rule of the code; the zero Rule for a code that is not
// in the table.
func (c Code) Rule() Rule {
	for _, r := range rules {
		if r.Code == c {
			return r
		}
	}
	return Rule{}
}

// Stops reports whether a finding of this code stops the file.
func (c Code) Stops() bool { return c.Rule().Stops }

// LookupRule returns the rule for a code as a user types it, case and
// surrounding space ignored.
func LookupRule(code string) (Rule, bool) {
	r := Code(strings.ToUpper(strings.TrimSpace(code))).Rule()
	return r, r.Code != ""
}

//go:embed explain
var explainFS embed.FS

// Explain returns the long explanation of a code in the given language:
// what it checks, why (with the legal basis where there is one), how to fix
// it, and an example. It is Markdown-like plain text meant for a terminal.
func Explain(code string, l Lang) (string, bool) {
	r, ok := LookupRule(code)
	if !ok {
		return "", false
	}
	dir := "vi"
	if l == EN {
		dir = "en"
	}
	b, err := explainFS.ReadFile("explain/" + dir + "/" + string(r.Code) + ".md")
	if err != nil {
		return "", false
	}
	return string(b), true
}
