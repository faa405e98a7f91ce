// Package synthetic writes synthetic plan files, for benchmarks and load
// tests: a national plan with one row per commune of the country, and
// district plans for a repository of many files. Every figure is invented
// (số liệu minh họa, marked so in the title and in a header comment) and
// everything adds up exactly: validated with tolerance 0 and a 10 %
// counterpart minimum, a synthetic plan gives no findings.
//
// The output depends only on the arguments: the same call writes the same
// bytes, so a benchmark measures the same work on every machine.
package synthetic

import (
	"bufio"
	"fmt"
	"hash/fnv"
	"io"
	"strconv"
	"strings"
)

// NationalCommunes is the number of commune-level units in the country,
// the size of the national plan of the benchmarks.
const NationalCommunes = 10_600

// Districts and DistrictCommunes are the size of the repository workload:
// one plan per district, each with this many communes.
const (
	Districts        = 700
	DistrictCommunes = 20
)

// node is one of the funded nodes of the reference plan
// (examples/bao-yen-2022.yaml): Dự án 2 and the six sub-projects. Each
// gets one activity per commune.
type node struct {
	project, sub int
	activity     string
	// other is true when the activities have other funds besides central
	// and local.
	other bool
}

// funded lists the funded nodes in plan order.
var funded = []node{
	{2, 0, "Mô hình đa dạng hóa sinh kế", true},
	{3, 1, "Hỗ trợ phát triển sản xuất nông nghiệp", true},
	{4, 1, "Đào tạo nghề cho lao động thuộc hộ nghèo", false},
	{4, 3, "Hỗ trợ việc làm bền vững", false},
	{6, 2, "Truyền thông về giảm nghèo đa chiều", false},
	{7, 1, "Tập huấn cán bộ làm công tác giảm nghèo", false},
	{7, 2, "Giám sát, đánh giá thực hiện Chương trình", false},
}

// Official names of the catalogue (plan/catalogue), as the plan must write
// them.
var (
	projectNames = map[int]string{
		2: "Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo",
		3: "Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng",
		4: "Phát triển giáo dục nghề nghiệp, việc làm bền vững",
		6: "Truyền thông và giảm nghèo về thông tin",
		7: "Nâng cao năng lực và giám sát, đánh giá Chương trình",
	}
	subprojectNames = map[[2]int]string{
		{3, 1}: "Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp",
		{4, 1}: "Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn",
		{4, 3}: "Hỗ trợ việc làm bền vững",
		{6, 2}: "Truyền thông về giảm nghèo đa chiều",
		{7, 1}: "Nâng cao năng lực thực hiện Chương trình",
		{7, 2}: "Giám sát, đánh giá",
	}
	appendixOf = map[int]int{2: 3, 3: 4, 4: 5, 6: 6, 7: 7}
)

// communeNames are the names synthetic communes are numbered after.
var communeNames = []string{
	"Phố Ràng", "Bảo Hà", "Cam Cọn", "Điện Quan", "Kim Sơn", "Lương Sơn",
	"Minh Tân", "Nghĩa Đô", "Phúc Khánh", "Tân Dương", "Tân Tiến", "Thượng Hà",
	"Việt Tiến", "Vĩnh Yên", "Xuân Hòa", "Xuân Thượng", "Yên Sơn",
}

// spec is what differs between a national and a district plan.
type spec struct {
	title, issuer, parent, province, district, level string
	communes                                         int
	seed                                             uint64
}

// National writes a national plan with the given number of communes
// (NationalCommunes for the country): per-commune targets, and one
// activity per commune in each of the seven funded nodes of the reference
// plan. At 10,600 communes it is about 85,000 rows and 13 MB.
func National(w io.Writer, communes int) error {
	_, err := write(w, nationalSpec(communes), nil)
	return err
}

// nationalSpec is the national plan of the given number of communes.
func nationalSpec(communes int) spec {
	return spec{
		title:    "Kế hoạch thực hiện Chương trình mục tiêu quốc gia Giảm nghèo bền vững toàn quốc năm 2022 (số liệu minh họa)",
		issuer:   "Bộ Lao động - Thương binh và Xã hội",
		province: "Toàn quốc",
		level:    "province",
		communes: communes,
		seed:     1,
	}
}

// District writes the plan of a district with the given name and number
// of communes. Different names give different figures.
func District(w io.Writer, name string, communes int) error {
	h := fnv.New64a()
	h.Write([]byte(name))
	_, err := write(w, spec{
		title:    "Kế hoạch thực hiện Chương trình mục tiêu quốc gia Giảm nghèo bền vững huyện " + name + " năm 2022 (số liệu minh họa)",
		issuer:   "UBND huyện " + name,
		parent:   "UBND tỉnh Minh Họa",
		province: "Minh Họa",
		district: name,
		level:    "district",
		communes: communes,
		seed:     h.Sum64(),
	}, nil)
	return err
}

// DistrictName is the name of the i-th district (from 1) of the
// repository workload.
func DistrictName(i int) string { return fmt.Sprintf("Minh Họa %03d", i) }

// DistrictFile is the file name of the i-th district's plan.
func DistrictFile(i int) string { return fmt.Sprintf("huyen-%03d.yaml", i) }

// rand returns a deterministic pseudo-random number in [lo, hi] for the
// i-th item of the given kind (splitmix64).
func rand(seed uint64, kind, i, lo, hi int) int {
	x := seed ^ uint64(kind)<<48 ^ uint64(i)*0x9e3779b97f4a7c15
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return lo + int(x%uint64(hi-lo+1))
}

// Amounts are in tenths of a million VND: one decimal at most, so no
// amount has the three decimals of W105.
type tenths int64

func (a tenths) String() string {
	if a%10 == 0 {
		return strconv.FormatInt(int64(a/10), 10)
	}
	return strconv.FormatInt(int64(a/10), 10) + "." + strconv.FormatInt(int64(a%10), 10)
}

// funds is a node's funding by source.
type funds struct{ central, local, other tenths }

func (f funds) plus(g funds) funds {
	return funds{f.central + g.central, f.local + g.local, f.other + g.other}
}

func (f funds) total() tenths { return f.central + f.local + f.other }

// activityFunds is the funding of node k's activity in commune i: local
// funds are at least 10 % of central funds.
func activityFunds(s spec, k, i int) funds {
	central := tenths(rand(s.seed, 10+k, i, 100, 900))
	f := funds{central: central, local: (central+9)/10 + tenths(rand(s.seed, 20+k, i, 0, 20))}
	if funded[k].other {
		f.other = tenths(rand(s.seed, 30+k, i, 0, 300))
	}
	return f
}

// commune is one synthetic commune's baseline and targets.
type commune struct {
	id, name                   string
	households, poor, nearPoor int
	poorCut, nearCut, newJobs  int
}

func makeCommune(s spec, i int) commune {
	c := commune{
		id:         fmt.Sprintf("xa-%05d", i+1),
		name:       fmt.Sprintf("Xã %s %05d", communeNames[i%len(communeNames)], i+1),
		households: rand(s.seed, 1, i, 500, 3000),
	}
	c.poor = c.households * rand(s.seed, 2, i, 2, 15) / 100
	c.nearPoor = c.households * rand(s.seed, 3, i, 2, 10) / 100
	c.poorCut = c.poor / rand(s.seed, 4, i, 3, 5)
	c.nearCut = c.nearPoor / rand(s.seed, 5, i, 3, 6)
	c.newJobs = rand(s.seed, 6, i, 10, 200)
	return c
}

// percent is 100 × part / whole rounded half up to two decimals, written
// with both, as T301 reads a percent with its decimals.
func percent(part, whole int) string {
	h := (20000*part/whole + 1) / 2 // hundredths, half up
	return fmt.Sprintf("%d.%02d", h/100, h%100)
}

// write writes the plan of s. With a slipper, it slips the figures the
// slipper chose and returns the slips, in the order of the file.
func write(out io.Writer, s spec, sl *slipper) ([]Slip, error) {
	if s.communes < 1 {
		return nil, fmt.Errorf("synthetic: a plan needs at least one commune, not %d", s.communes)
	}
	w := bufio.NewWriterSize(out, 1<<16)
	// line is the number of the line being written, for the slips.
	line := 1
	p := func(format string, args ...any) {
		if sl != nil {
			text := fmt.Sprintf(format, args...)
			line += strings.Count(text, "\n")
			w.WriteString(text)
			return
		}
		fmt.Fprintf(w, format, args...)
	}

	p("# SỐ LIỆU MINH HỌA — ILLUSTRATIVE FIGURES.\n")
	p("# A synthetic plan written by github.com/kehoach/kehoach/internal/synthetic for\n")
	p("# benchmarks: %d communes, one activity per commune in each funded project and\n", s.communes)
	p("# sub-project of the reference plan. Every name and figure is invented; everything\n")
	if sl != nil {
		p("# adds up exactly but for %d typing slips, each in one written amount of a\n", sl.n)
		p("# funding row: a plan with findings, for benchmarks of error localisation.\n")
	} else {
		p("# adds up exactly, so with tolerance 0 and a 10 %% counterpart minimum it gives no\n")
		p("# findings.\n")
	}
	p("kehoach: 1\nplan:\n")
	p("  title: %s\n", s.title)
	p("  program: giam-ngheo-ben-vung-2021-2025\n")
	p("  level: %s\n  year: 2022\n  issuer: %s\n", s.level, s.issuer)
	if s.parent != "" {
		p("  parent: %s\n", s.parent)
	}
	p("  province: %s\n", s.province)
	if s.district != "" {
		p("  district: %s\n", s.district)
	}
	p("  date: 2022-08\n  capital: recurrent\n  currency_unit: million_vnd\n")
	p("rules:\n  tolerance: 0\n  counterpart_min_percent: 10\n")

	communes := make([]commune, s.communes)
	var households, poor, nearPoor, poorCut, nearCut, newJobs int
	p("communes:\n")
	for i := range communes {
		c := makeCommune(s, i)
		communes[i] = c
		households += c.households
		poor += c.poor
		nearPoor += c.nearPoor
		poorCut += c.poorCut
		nearCut += c.nearCut
		newJobs += c.newJobs
		p("  - {id: %s, name: %s, households: %d, poor: %d, near_poor: %d}\n", c.id, c.name, c.households, c.poor, c.nearPoor)
	}

	p("targets:\n")
	p("  baseline: {households: %d, poor: %d, near_poor: %d}\n", households, poor, nearPoor)
	p("  poverty_reduction: {percent: %s, households: %d}\n", percent(poorCut, households), poorCut)
	p("  near_poverty_reduction: {percent: %s, households: %d}\n", percent(nearCut, households), nearCut)
	p("  job_support_percent: 100\n  new_jobs: %d\n  by_commune:\n", newJobs)
	for _, c := range communes {
		p("    - {commune: %s, poverty_reduction: {households: %d}, near_poverty_reduction: {households: %d}, new_jobs: %d}\n",
			c.id, c.poorCut, c.nearCut, c.newJobs)
	}

	// The funding of each funded node is the sum of its activities, a
	// project's the sum of its sub-projects', the plan's the sum of its
	// projects'. Slips change the figures as written, not these sums.
	nodeFunds := make([]funds, len(funded))
	for k := range funded {
		for i := range communes {
			nodeFunds[k] = nodeFunds[k].plus(activityFunds(s, k, i))
		}
	}
	// funding writes a funding line: prefix, then the figures of f
	// (the total first when withTotal), each slipped when the slipper
	// says so.
	funding := func(prefix string, f funds, withTotal bool) {
		b := make([]byte, 0, 96)
		b = append(b, prefix...)
		b = append(b, "funding: {"...)
		field := func(key string, a tenths) {
			if b[len(b)-1] != '{' {
				b = append(b, ", "...)
			}
			b = append(b, key...)
			b = append(b, ": "...)
			text := a.String()
			if sl != nil {
				text = sl.figure(text, line, len(b)+1)
			}
			b = append(b, text...)
		}
		if withTotal {
			field("total", f.total())
		}
		field("central", f.central)
		field("local", f.local)
		if f.other != 0 {
			field("other", f.other)
		}
		b = append(b, "}\n"...)
		w.Write(b)
		line++
	}
	activities := func(k int, indent string) {
		p("%sactivities:\n", indent)
		for i, c := range communes {
			p("%s  - name: %s, xã %05d\n", indent, funded[k].activity, i+1)
			p("%s    commune: %s\n", indent, c.id)
			funding(indent+"    ", activityFunds(s, k, i), false)
		}
	}
	var planFunds funds
	p("projects:\n")
	for k := 0; k < len(funded); {
		pr := funded[k].project
		var prFunds funds
		end := k
		for end < len(funded) && funded[end].project == pr {
			prFunds = prFunds.plus(nodeFunds[end])
			end++
		}
		planFunds = planFunds.plus(prFunds)
		p("  - project: %d\n    name: %s\n    appendix: %d\n", pr, projectNames[pr], appendixOf[pr])
		p("    lead: Phòng Lao động - Thương binh và Xã hội\n")
		funding("    ", prFunds, true)
		if funded[k].sub == 0 {
			activities(k, "    ")
			k = end
			continue
		}
		p("    subprojects:\n")
		for ; k < end; k++ {
			sub := funded[k].sub
			p("      - subproject: %d\n        name: %s\n", sub, subprojectNames[[2]int{pr, sub}])
			p("        lead: Phòng Lao động - Thương binh và Xã hội\n")
			funding("        ", nodeFunds[k], true)
			activities(k, "        ")
		}
	}
	// The plan's grand totals are never slipped.
	saved := sl
	sl = nil
	funding("", planFunds, true)
	sl = saved
	if err := w.Flush(); err != nil {
		return nil, err
	}
	if sl != nil {
		return sl.slips, nil
	}
	return nil, nil
}
