package plan_test

import (
	"fmt"

	"github.com/kehoach/kehoach/plan"
)

// Validate reports every finding of a plan file, sorted by line, column and
// code, in both languages. Here a quoted amount in Vietnamese notation is
// one finding (E104) and takes part in no sum, and a sub-project's total
// disagrees with its sources (B201).
func ExampleValidate() {
	src := `kehoach: 1
plan:
  title: Kế hoạch thực hiện Chương trình giảm nghèo bền vững huyện Bảo Yên năm 2022
  year: 2022
  issuer: UBND huyện Bảo Yên
  province: Lào Cai
  district: Bảo Yên
projects:
  - project: 2
    name: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo
    appendix: 3
    funding: {total: 3188, central: "2.416", local: 241, other: 531}
  - project: 6
    name: Truyền thông và giảm nghèo về thông tin
    appendix: 4
    subprojects:
      - subproject: 2
        name: Truyền thông về giảm nghèo đa chiều
        funding: {total: 65, central: 58, local: 6}
funding: {total: 3252, central: 2474, local: 247, other: 531}
`
	res := plan.Validate("bao-yen.yaml", []byte(src))
	for _, d := range res.Diagnostics {
		fmt.Printf("%s:%d:%d: %s[%s] %s\n  %s\n", "bao-yen.yaml", d.Line, d.Column, d.Severity, d.Code, d.Path, d.Message.EN)
	}
	// Output:
	// bao-yen.yaml:12:37: error[E104] projects[0].funding.central
	//   `2.416` is a number in Vietnamese notation (dots group thousands, the comma is the decimal mark), that is 2,416; YAML needs it written 2416
	// bao-yen.yaml:19:26: error[B201] projects[1].subprojects[0].funding.total
	//   total of sub-project 2 of project 6: stated 65, but central + local + other = 64 (difference 1)
}
