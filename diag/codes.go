package diag

import (
	"embed"
	"slices"
	"strings"
)

// Rule describes one diagnostic code: its default severity and a one-line
// title in both languages. B201–B203 are errors by default and warnings when
// the difference is within the plan's tolerance.
type Rule struct {
	Code     string
	Severity Severity
	Title    Text
}

// Rules lists every code kehoach reports, in code order. Codes never change
// meaning once released.
var rules = []Rule{
	{"E101", Error, Text{"Tệp không phải YAML hợp lệ", "Not valid YAML"}},
	{"E102", Error, Text{"Khóa không được biết", "Unknown key"}},
	{"E103", Error, Text{"Sai kiểu hoặc giá trị ngoài phạm vi", "Wrong type or value out of range"}},
	{"E104", Error, Text{"Số tiền viết theo kiểu Việt Nam dưới dạng chữ", "Amount written as text in Vietnamese notation"}},
	{"W105", Warning, Text{"Số tiền có đúng ba chữ số thập phân (có thể là dấu phân cách hàng nghìn)", "Amount with exactly three decimals (possibly a thousands separator)"}},
	{"E106", Error, Text{"Thiếu khóa bắt buộc", "Required key missing"}},
	{"E107", Error, Text{"Trùng lặp", "Duplicate"}},
	{"E108", Error, Text{"Mã xã không có trong danh sách communes", "Commune id not in communes"}},
	{"E109", Error, Text{"Không phải tệp kế hoạch hoặc phiên bản không hỗ trợ", "Not a plan file, or unsupported format version"}},
	{"E110", Error, Text{"Vượt giới hạn", "Beyond a limit"}},
	{"E111", Error, Text{"Không phải UTF-8 hợp lệ", "Not valid UTF-8"}},
	{"W112", Warning, Text{"Văn bản không ở dạng Unicode NFC", "Text not in Unicode NFC"}},
	{"B201", Error, Text{"Tổng kinh phí khác tổng các nguồn", "Total differs from the sum of its sources"}},
	{"B202", Error, Text{"Kinh phí dự án khác tổng các thành phần", "Funding differs from the sum of its parts"}},
	{"B203", Error, Text{"Tổng kinh phí kế hoạch khác tổng các dự án", "Plan totals differ from the sum of the projects"}},
	{"B204", Warning, Text{"Vốn đối ứng NSĐP của kế hoạch dưới mức tối thiểu", "Plan's local counterpart funds below the minimum"}},
	{"B205", Warning, Text{"Vốn đối ứng NSĐP của dự án, tiểu dự án dưới mức tối thiểu", "Project's local counterpart funds below the minimum"}},
	{"B206", Error, Text{"Vốn NSTW vượt dự toán được giao", "Central funds exceed the allocation"}},
	{"B207", Warning, Text{"Dự án, tiểu dự án không có kinh phí", "Project or sub-project without funding"}},
	{"B208", Warning, Text{"Dự toán giao cho dự án, tiểu dự án mà kế hoạch không có", "Allocation for a project or sub-project the plan does not have"}},
	{"T301", Warning, Text{"Số hộ và tỷ lệ giảm không khớp với số hộ đầu năm", "Households and percent of a target disagree with the baseline"}},
	{"T302", Warning, Text{"Hai chỉ tiêu giảm nghèo ngụ ý tổng số hộ khác nhau", "The reduction targets imply different totals of households"}},
	{"T303", Error, Text{"Chỉ tiêu theo xã không cộng bằng chỉ tiêu huyện", "Per-commune targets do not add up to the district's"}},
	{"T304", Error, Text{"Số hộ giảm vượt số hộ đầu năm", "Reduction exceeds the households at the start of the year"}},
	{"C401", Error, Text{"Chương trình không có trong danh mục", "Unknown programme"}},
	{"C402", Error, Text{"Năm kế hoạch ngoài giai đoạn của chương trình", "Plan year outside the programme's period"}},
	{"C403", Error, Text{"Số dự án, tiểu dự án không có trong chương trình", "Project or sub-project number not in the programme"}},
	{"C404", Warning, Text{"Tên khác tên chính thức", "Name differs from the official name"}},
	{"C405", Error, Text{"Số phụ lục không đúng thứ tự", "Appendix numbering"}},
}

// Rules returns every rule in code order.
func Rules() []Rule { return slices.Clone(rules) }

// Lookup returns the rule for a code, case-insensitively.
func Lookup(code string) (Rule, bool) {
	code = strings.ToUpper(strings.TrimSpace(code))
	for _, r := range rules {
		if r.Code == code {
			return r, true
		}
	}
	return Rule{}, false
}

//go:embed explain
var explainFS embed.FS

// Explain returns the long explanation of a code in the given language:
// what it checks, why (with the legal basis where there is one), how to fix
// it, and an example. It is Markdown-like plain text meant for a terminal.
func Explain(code string, l Lang) (string, bool) {
	r, ok := Lookup(code)
	if !ok {
		return "", false
	}
	dir := "vi"
	if l == EN {
		dir = "en"
	}
	b, err := explainFS.ReadFile("explain/" + dir + "/" + r.Code + ".md")
	if err != nil {
		return "", false
	}
	return string(b), true
}
