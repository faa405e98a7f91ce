package plan

import (
	"fmt"
)

// allocationRows checks what each `allocation` row names, since a row is
// matched to the plan by its numbers alone and a typo in them would
// otherwise switch off B206 for the project meant without a word: C403
// for a project or sub-project the programme does not have, B208 for one
// the programme has but the plan does not carry. Rows with an E finding in
// their numbers (E103, or E107 for a second row of the same numbers) take
// part in none.
func (c *checker) allocationRows() {
	p := c.p
	if p.Allocation == nil || len(p.Allocation.Projects) == 0 {
		return
	}
	id := DefaultProgramme
	if p.Info.Program.Written && p.Info.Program.Value != "" {
		id = p.Info.Program.Value
	}
	prog, known := LookupProgramme(id) // unknown: C401, and no C403 here

	// The plan's projects by number. When a number has an E finding (it
	// could not be read, or it is a second copy of another, E107), the
	// project it stands for is unknown, and "the plan does not have it"
	// cannot be said of any row: one slip, one finding. Nor of a plan with
	// no projects to read.
	planned := make(map[int]*Project, len(p.Projects))
	sure := len(p.Projects) > 0
	for _, pr := range p.Projects {
		if !pr.Number.Valid {
			sure = false
			continue
		}
		planned[pr.Number.Value] = pr
	}

	for _, a := range p.Allocation.Projects {
		if !a.Project.Valid || (a.Subproject.Written && !a.Subproject.Valid) {
			continue
		}
		n, sub := a.Project.Value, a.Subproject.Value
		if known {
			cp, ok := prog.Project(n)
			if !ok {
				c.add("C403", Error, a.Project.Pos, a.Project.Path, Message{
					VI: fmt.Sprintf("dự toán giao cho Dự án %d, nhưng chương trình không có Dự án %d (chỉ có Dự án 1 đến %d)", n, n, len(prog.Projects)),
					EN: fmt.Sprintf("the allocation assigns funds to project %d, but the programme has no project %d (it has projects 1 to %d)", n, n, len(prog.Projects)),
				}, Message{
					VI: "Sửa số dự án theo Quyết định 90/QĐ-TTg: khi số sai, vốn được giao không được so với dự án nào.",
					EN: "Use the project numbers of Quyết định 90/QĐ-TTg: with a wrong number, the funds assigned are compared with no project.",
				})
				continue
			}
			if a.Subproject.Written {
				if _, ok := cp.Subproject(sub); !ok {
					have := Message{VI: "không có tiểu dự án nào", EN: "no sub-projects"}
					if k := len(cp.Subprojects); k > 0 {
						have = Message{VI: fmt.Sprintf("chỉ có tiểu dự án 1 đến %d", k), EN: fmt.Sprintf("sub-projects 1 to %d", k)}
					}
					c.add("C403", Error, a.Subproject.Pos, a.Subproject.Path, Message{
						VI: fmt.Sprintf("dự toán giao cho Tiểu dự án %d (Dự án %d), nhưng Dự án %d không có Tiểu dự án %d (%s)", sub, n, n, sub, have.VI),
						EN: fmt.Sprintf("the allocation assigns funds to sub-project %d of project %d, but project %d has no sub-project %d (it has %s)", sub, n, n, sub, have.EN),
					}, Message{
						VI: "Sửa số tiểu dự án theo Quyết định 90/QĐ-TTg: khi số sai, vốn được giao không được so với tiểu dự án nào.",
						EN: "Use the sub-project numbers of Quyết định 90/QĐ-TTg: with a wrong number, the funds assigned are compared with no sub-project.",
					})
					continue
				}
			}
		}
		if !sure {
			continue
		}
		amount := Message{VI: "vốn NSTW", EN: "central funds"}
		if a.Central.Valid {
			amount = Message{
				VI: "vốn NSTW " + a.Central.Value.Format(true),
				EN: a.Central.Value.Format(false) + " of central funds",
			}
		}
		pr, ok := planned[n]
		if !ok {
			c.add("B208", Warning, a.Project.Pos, a.Project.Path, Message{
				VI: fmt.Sprintf("dự toán giao %s cho Dự án %d, nhưng kế hoạch không có Dự án %d", amount.VI, n, n),
				EN: fmt.Sprintf("the allocation assigns %s to project %d, which the plan does not have", amount.EN, n),
			}, Message{
				VI: fmt.Sprintf("Thêm Dự án %d vào kế hoạch, hoặc sửa số dự án trong `allocation` nếu dòng này dành cho dự án khác.", n),
				EN: fmt.Sprintf("Add project %d to the plan, or correct the number in `allocation` if the row is meant for another project.", n),
			})
			continue
		}
		if !a.Subproject.Written || hasSubproject(pr, sub) {
			continue
		}
		c.add("B208", Warning, a.Subproject.Pos, a.Subproject.Path, Message{
			VI: fmt.Sprintf("dự toán giao %s cho Tiểu dự án %d (Dự án %d), nhưng kế hoạch không có tiểu dự án này", amount.VI, sub, n),
			EN: fmt.Sprintf("the allocation assigns %s to sub-project %d of project %d, which the plan does not have", amount.EN, sub, n),
		}, Message{
			VI: fmt.Sprintf("Thêm Tiểu dự án %d vào Dự án %d của kế hoạch, hoặc sửa số tiểu dự án trong `allocation` nếu dòng này dành cho tiểu dự án khác.", sub, n),
			EN: fmt.Sprintf("Add sub-project %d to project %d in the plan, or correct the number in `allocation` if the row is meant for another sub-project.", sub, n),
		})
	}
}

// hasSubproject reports whether the plan's project carries sub-project
// sub, or may: a sub-project whose number could not be read may be it.
func hasSubproject(pr *Project, sub int) bool {
	for _, s := range pr.Subprojects {
		if !s.Number.Valid || s.Number.Value == sub {
			return true
		}
	}
	return false
}
