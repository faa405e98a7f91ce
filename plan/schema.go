package plan

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Schema returns the JSON Schema (draft-07) of the plan format: every key
// the loader accepts, where it accepts it, with a description in Vietnamese
// and English, so that an editor's YAML extension completes keys, shows
// what they mean and underlines typos as the user types. It is the file
// plan/kehoach.schema.json, which `kehoach schema` prints.
//
// Draft-07 is the draft the YAML language server (VS Code's YAML
// extension) implements; the schema uses no keyword of a later draft, and
// no $ref, so that every tool reads it alike. Like the loader, it allows
// `notes` (anything) and keys starting with `x-` in every mapping, and no
// other unknown key. Some checks need the whole plan (sums, the catalogue)
// and are left to `kehoach validate`.
func Schema() []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(planSchema()); err != nil {
		// The schema is built from constants; failing to encode it is a
		// build defect.
		panic(err)
	}
	return b.Bytes()
}

// obj is a JSON object that keeps its keys in the order written, so that
// the schema reads like the format's documentation and editors list keys
// in that order.
type obj []kv

type kv struct {
	k string
	v any
}

func (o obj) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, e := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(e.k)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		v, err := marshalNoEscape(e.v)
		if err != nil {
			return nil, err
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func marshalNoEscape(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// bilingual joins the two languages of a description: Vietnamese first, as
// in every message of kehoach.
func bilingual(vi, en string) string { return vi + "\n\n" + en }

// prop is one key of a mapping.
type prop struct {
	name     string
	required bool
	schema   obj
}

// with returns s with a description first.
func with(vi, en string, s obj) obj {
	return append(obj{{"description", bilingual(vi, en)}}, s...)
}

// object is a mapping with exactly the given keys, plus `notes` and `x-`
// keys, as the loader reads every mapping.
func object(vi, en string, props []prop, extra ...kv) obj {
	ps := make(obj, 0, len(props)+1)
	var required []string
	for _, p := range props {
		ps = append(ps, kv{p.name, p.schema})
		if p.required {
			required = append(required, p.name)
		}
	}
	ps = append(ps, kv{"notes", with(
		"Ghi chú tự do, cấu trúc tùy ý; kehoach không đọc phần này.",
		"Free notes, of any shape; kehoach does not read them.",
		obj{})})
	o := with(vi, en, obj{{"type", "object"}, {"properties", ps}})
	o = append(o,
		kv{"patternProperties", obj{{"^x-", with(
			"Khóa mở rộng tự do (bắt đầu bằng `x-`); kehoach không đọc phần này.",
			"A free extension key (starting with `x-`); kehoach does not read it.",
			obj{})}}},
		kv{"additionalProperties", false})
	if len(required) > 0 {
		o = append(o, kv{"required", required})
	}
	return append(o, extra...)
}

// list is a YAML list of items; an empty value is an empty list, as the
// loader reads it.
func list(vi, en string, items obj) obj {
	return with(vi, en, obj{{"type", []string{"array", "null"}}, {"items", items}})
}

// text is a text value: the loader reads any scalar as text (a document
// number may be written 215), and an empty value as empty text.
func text(vi, en string) obj {
	return with(vi, en, obj{{"type", []string{"string", "number", "boolean", "null"}}})
}

// texts is one text or a list of texts.
func texts(vi, en string) obj {
	scalar := obj{{"type", []string{"string", "number", "boolean", "null"}}}
	return with(vi, en, obj{{"anyOf", []obj{scalar, {{"type", "array"}, {"items", scalar}}}}})
}

func enum(vi, en string, words ...string) obj {
	return with(vi, en, obj{{"type", "string"}, {"enum", words}})
}

func integer(vi, en string, lo, hi int) obj {
	return with(vi, en, obj{{"type", "integer"}, {"minimum", lo}, {"maximum", hi}})
}

const (
	amountVI = " Số tiền theo `plan.currency_unit` (mặc định triệu đồng): số thập phân không âm, dấu chấm là dấu thập phân, tối đa 3 chữ số sau dấu chấm, không dấu ngăn cách hàng nghìn (3.188 triệu viết là 3188)."
	amountEN = " An amount in `plan.currency_unit` (million VND by default): a non-negative decimal, `.` as the decimal mark, at most 3 decimals, no thousands separators (3.188 million in Vietnamese notation is written 3188)."
)

func amount(vi, en string) obj {
	return with(vi+amountVI, en+amountEN, obj{{"type", "number"}, {"minimum", 0}})
}

func count(vi, en string) obj {
	return with(vi+" Số nguyên không âm.", en+" A non-negative whole number.", obj{{"type", "integer"}, {"minimum", 0}})
}

func percent(vi, en string) obj {
	return with(vi+" Tỷ lệ phần trăm từ 0 đến 100, ghi như trên văn bản (6.8 là 6,8 %).",
		en+" A percent from 0 to 100, written as in the document (6.8 means 6.8 %).",
		obj{{"type", "number"}, {"minimum", 0}, {"maximum", 100}})
}

// funding is a `funding` object: an amount per source and an optional
// total, which is an assertion.
func funding(vi, en string) obj {
	return object(vi+" Chỉ những gì được ghi mới được kiểm tra.", en+" Only what is written is asserted.", []prop{
		{"central", false, amount("Vốn ngân sách trung ương (NSTW): vốn sự nghiệp hoặc đầu tư phát triển theo `capital`.",
			"Central-budget funds (NSTW): recurrent or investment funds, per `capital`.")},
		{"local", false, amount("Vốn ngân sách địa phương (NSĐP), vốn đối ứng.", "Local-budget (counterpart) funds (NSĐP).")},
		{"other", false, amount("Vốn huy động khác (dân đóng góp, …).", "Other mobilised funds (beneficiaries' contributions, …).")},
		{"total", false, amount("Tổng kinh phí; nếu ghi thì phải bằng central + local + other (B201).",
			"Total funding; when written, it must equal central + local + other (B201).")},
	})
}

func freeText() []prop {
	return []prop{
		{"objective", false, texts("Mục tiêu (mục a của dự án): một đoạn văn hoặc danh sách.", "Objective (section a): a text or a list of texts.")},
		{"beneficiaries", false, texts("Đối tượng (mục b): một đoạn văn hoặc danh sách.", "Beneficiaries (section b): a text or a list of texts.")},
		{"content", false, texts("Nội dung thực hiện (mục c): một đoạn văn hoặc danh sách.", "Content (section c): a text or a list of texts.")},
	}
}

func capital() obj {
	return enum("Loại vốn của dự án, nếu khác `plan.capital`: `recurrent` (vốn sự nghiệp) hoặc `investment` (vốn đầu tư phát triển).",
		"The kind of funds of this project, when it differs from `plan.capital`: `recurrent` or `investment`.",
		"recurrent", "investment")
}

func activity() obj {
	return object("Một dòng chi tiết của phụ lục: một việc, thường ở một xã.",
		"One detail row of an appendix: a piece of work, usually in one commune.", []prop{
			{"name", true, text("Việc được làm, ví dụ: Mô hình nuôi lợn đen bản địa.", "What is done, e.g. Mô hình nuôi lợn đen bản địa.")},
			{"commune", false, text("Mã xã nơi thực hiện (một `id` trong `communes`).", "The id of the commune where it happens (an `id` in `communes`).")},
			{"unit", false, text("Đơn vị tính (ĐVT), ví dụ: mô hình.", "Unit of measure, e.g. mô hình.")},
			{"quantity", false, with("Số lượng theo đơn vị tính: số không âm.", "Quantity in that unit: a non-negative number.",
				obj{{"type", "number"}, {"minimum", 0}})},
			{"lead", false, text("Đơn vị thực hiện.", "Implementing body.")},
			{"funding", true, funding("Kinh phí của dòng này.", "The row's funding.")},
		})
}

func activities() obj {
	return list("Các dòng chi tiết (hoạt động); kinh phí của mục cha, nếu ghi, phải bằng tổng của chúng (B202).",
		"Detail rows (activities); the parent's funding, if written, must equal their sum (B202).", activity())
}

func subproject() obj {
	return object("Một tiểu dự án của dự án.", "A sub-project of the project.", append([]prop{
		{"subproject", true, integer("Số tiểu dự án trong dự án, theo Quyết định 90/QĐ-TTg.", "The sub-project's number within the project, as in Quyết định 90/QĐ-TTg.", 1, 99)},
		{"name", true, text("Tên chính thức của tiểu dự án (so với danh mục, C404).", "The sub-project's official name (checked against the catalogue, C404).")},
		{"lead", false, text("Cơ quan chủ trì.", "Lead agency.")},
		{"partners", false, texts("Cơ quan phối hợp.", "Cooperating agencies.")},
		{"funding", false, funding("Kinh phí của tiểu dự án.", "The sub-project's funding.")},
		{"activities", false, activities()},
	}, freeText()...))
}

func project() obj {
	return object("Một dự án thành phần của chương trình: có `funding`, hoặc `subprojects` hay `activities` (không có cả hai).",
		"A component project of the programme: it has `funding`, or `subprojects` or `activities` (not both).",
		append([]prop{
			{"project", true, integer("Số dự án trong chương trình (1–7 với chương trình giảm nghèo).", "The project's number in the programme (1–7 for the poverty-reduction programme).", 1, 99)},
			{"name", true, text("Tên chính thức của dự án (so với danh mục, C404).", "The project's official name (checked against the catalogue, C404).")},
			{"appendix", true, integer("Số phụ lục chi tiết dự án: 3, 4, 5, … theo thứ tự dự án, không bỏ số; nhiều dự án có thể dùng chung; phụ lục 1 và 2 dành cho chỉ tiêu và tổng hợp kinh phí (C405).",
				"The appendix that details this project: 3, 4, 5, … in project order without gaps; projects may share one; appendices 1 and 2 are the targets and the funding summary (C405).", 3, 99)},
			{"lead", false, text("Cơ quan chủ trì.", "Lead agency.")},
			{"co_leads", false, texts("Cơ quan đồng chủ trì.", "Co-lead agencies.")},
			{"partners", false, texts("Cơ quan phối hợp.", "Cooperating agencies.")},
			{"capital", false, capital()},
			{"funding", false, funding("Kinh phí của dự án; khi dự án có tiểu dự án hoặc hoạt động, đây là khẳng định về tổng của chúng (B202).",
				"The project's funding; when it has sub-projects or activities, an assertion about their sum (B202).")},
			{"subprojects", false, list("Các tiểu dự án.", "The sub-projects.", subproject())},
			{"activities", false, activities()},
		}, freeText()...),
		kv{"not", obj{{"required", []string{"subprojects", "activities"}}}})
}

func reduction(vi, en string) obj {
	return object(vi, en, []prop{
		{"percent", false, percent("Tỷ lệ giảm, theo điểm phần trăm của tổng số hộ trong năm; số chữ số thập phân là độ chính xác (T301, T302).",
			"Reduction in percentage points of all households in the year; the decimals written are its precision (T301, T302).")},
		{"households", false, count("Số hộ giảm trong năm.", "Households to leave the status in the year.")},
	})
}

func communeHouseholds(vi, en string) obj {
	return object(vi, en, []prop{
		{"households", false, count("Số hộ giảm của xã trong năm.", "The commune's households to leave the status in the year.")},
	})
}

func planSchema() obj {
	info := object("Ai ban hành kế hoạch, cho năm nào, ký thế nào.", "Who issues the plan, for which year, how it is signed.", []prop{
		{"title", true, text("Tiêu đề đầy đủ, như trên văn bản.", "The full title, as on the document.")},
		{"program", false, enum(fmt.Sprintf("Mã chương trình trong danh mục; mặc định `%s` (C401).", DefaultProgramme),
			fmt.Sprintf("The programme id in the built-in catalogue; `%s` by default (C401).", DefaultProgramme), ProgrammeIDs()...)},
		{"level", false, enum("Cấp kế hoạch: `district` (huyện, mặc định), `province` (tỉnh) hoặc `commune` (xã).",
			"The plan's level: `district` (default), `province` or `commune`.", "district", "province", "commune")},
		{"year", true, integer("Năm kế hoạch, trong giai đoạn của chương trình (C402).", "The plan year, within the programme's period (C402).", 1900, 2200)},
		{"issuer", true, text("Cơ quan ban hành, như ở đầu văn bản: UBND huyện Bảo Yên.", "The issuing body, as printed in the header: UBND huyện Bảo Yên.")},
		{"parent", false, text("Cấp trên: UBND tỉnh Lào Cai.", "The level above: UBND tỉnh Lào Cai.")},
		{"province", true, text("Tỉnh.", "The province.")},
		{"district", false, text("Huyện; bắt buộc với kế hoạch cấp huyện.", "The district; required for a district plan.")},
		{"number", false, text("Số văn bản, ví dụ \"215/KH-UBND\"; để trống khi còn là dự thảo.", "The document number, e.g. \"215/KH-UBND\"; empty while a draft.")},
		{"date", false, with("Ngày ban hành: YYYY-MM-DD, hoặc YYYY-MM khi còn là dự thảo.", "The issue date: YYYY-MM-DD, or YYYY-MM for a draft.",
			obj{{"type", "string"}, {"pattern", `^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$`}})},
		{"place", false, text("Địa danh ở dòng \"Bảo Yên, ngày … tháng … năm …\".", "The place name in \"Bảo Yên, ngày … tháng … năm …\".")},
		{"capital", false, enum("Loại vốn của các số tiền: `recurrent` (vốn sự nghiệp, mặc định) hoặc `investment` (vốn đầu tư phát triển); đặt tên các cột nguồn vốn trong phụ lục.",
			"The kind of funds the amounts are: `recurrent` (default) or `investment`; it names the source columns of the appendices.", "recurrent", "investment")},
		{"currency_unit", false, enum(fmt.Sprintf("Đơn vị của mọi số tiền trong tệp: `%s` (%s, mặc định), `%s` hoặc `%s`.", MillionVND, currencyUnits[0].name.VI, ThousandVND, VND),
			fmt.Sprintf("The unit of every amount in the file: `%s` (default), `%s` or `%s`.", MillionVND, ThousandVND, VND), CurrencyUnits()...)},
		{"signer", false, object("Khối chữ ký.", "The signature block.", []prop{
			{"on_behalf", false, text("Dòng \"TM. ỦY BAN NHÂN DÂN\".", "The line \"TM. ỦY BAN NHÂN DÂN\" (on behalf of).")},
			{"authority", false, text("Dòng \"KT. CHỦ TỊCH\".", "The line \"KT. CHỦ TỊCH\" (by authority of).")},
			{"title", false, text("Chức danh người ký: PHÓ CHỦ TỊCH.", "The signer's title: PHÓ CHỦ TỊCH.")},
			{"name", false, text("Họ tên người ký.", "The signer's name.")},
		})},
		{"basis", false, texts("Các căn cứ pháp lý (Căn cứ …).", "The legal bases (Căn cứ …).")},
	}, kv{"if", obj{{"properties", obj{{"level", obj{{"const", "district"}}}}}}},
		kv{"then", obj{{"required", []string{"district"}}}})

	rules := object("Tham số của các quy tắc kiểm tra cho kế hoạch này.", "This plan's parameters of the validation rules.", []prop{
		{"tolerance", false, amount("Chênh lệch lớn nhất giữa tổng ghi và tổng tính được coi là cảnh báo thay vì lỗi (văn bản làm tròn tới triệu); mặc định 0.",
			"The largest difference between a stated and a computed total reported as a warning instead of an error (documents round to whole millions); 0 by default.")},
		{"counterpart_min_percent", false, percent("Vốn đối ứng NSĐP tối thiểu, theo phần trăm vốn NSTW: mức pháp định 3, 10 hoặc 15 (B204, B205); không ghi thì không kiểm tra.",
			"The minimum local counterpart funds, as a percent of central funds: the legal bands are 3, 10 and 15 (B204, B205); not checked when absent.")},
	})

	communes := list("Các xã, phường, thị trấn mà các dòng và chỉ tiêu theo xã dẫn tới.", "The commune-level units that rows and per-commune targets refer to.",
		object("Một xã, phường hoặc thị trấn.", "A commune, ward or township.", []prop{
			{"id", true, with("Mã ngắn, chữ thường không dấu, số và gạch ngang, duy nhất trong tệp: pho-rang, bao-ha.",
				"A short id, lowercase ASCII letters, digits and hyphens, unique in the file: pho-rang, bao-ha.",
				obj{{"type", []string{"string", "integer"}}, {"pattern", `^[a-z0-9]+(-[a-z0-9]+)*$`}})},
			{"name", true, text("Tên đầy đủ kèm loại: Thị trấn Phố Ràng, Xã Bảo Hà.", "The full name with its kind: Thị trấn Phố Ràng, Xã Bảo Hà.")},
			{"households", false, count("Tổng số hộ đầu năm.", "Total households at the start of the year.")},
			{"poor", false, count("Số hộ nghèo đầu năm.", "Poor households at the start of the year.")},
			{"near_poor", false, count("Số hộ cận nghèo đầu năm.", "Near-poor households at the start of the year.")},
			{"tags", false, texts("Nhãn tự do, ví dụ [dbkk] cho xã đặc biệt khó khăn.", "Free tags, e.g. [dbkk] for an extremely difficult commune.")},
		}))

	targets := object("Các chỉ tiêu của kế hoạch (Phụ lục 1).", "The plan's targets (Phụ lục 1).", []prop{
		{"baseline", false, object("Số liệu của huyện đầu năm (không bắt buộc).", "The district's counts at the start of the year (optional).", []prop{
			{"households", false, count("Tổng số hộ.", "Total households.")},
			{"poor", false, count("Số hộ nghèo.", "Poor households.")},
			{"near_poor", false, count("Số hộ cận nghèo.", "Near-poor households.")},
		})},
		{"poverty_reduction", false, reduction("Chỉ tiêu giảm hộ nghèo.", "The poverty-reduction target.")},
		{"near_poverty_reduction", false, reduction("Chỉ tiêu giảm hộ cận nghèo.", "The near-poverty-reduction target.")},
		{"job_support_percent", false, percent("Tỷ lệ người lao động thuộc hộ nghèo, cận nghèo có nhu cầu được tư vấn, đào tạo, giới thiệu việc làm.",
			"The share of workers in poor and near-poor households who need it that get counselling, training and job placement.")},
		{"new_jobs", false, count("Số lao động được tạo việc làm mới.", "New jobs created.")},
		{"indicators", false, list("Các chỉ tiêu khác.", "Further targets.", object("Một chỉ tiêu.", "A target.", []prop{
			{"id", false, text("Mã chỉ tiêu.", "The target's id.")},
			{"name", true, text("Tên chỉ tiêu.", "The target's name.")},
			{"unit", false, text("Đơn vị tính.", "Unit of measure.")},
			{"value", true, with("Giá trị: số không âm.", "The value: a non-negative number.", obj{{"type", "number"}, {"minimum", 0}})},
		}))},
		{"by_commune", false, list("Chỉ tiêu theo xã; tổng phải bằng chỉ tiêu huyện (T303).", "Targets per commune; their sums must match the district's (T303).",
			object("Chỉ tiêu của một xã.", "One commune's targets.", []prop{
				{"commune", true, text("Mã xã (một `id` trong `communes`).", "The commune's id (an `id` in `communes`).")},
				{"poverty_reduction", false, communeHouseholds("Số hộ nghèo giảm của xã.", "The commune's poverty reduction.")},
				{"near_poverty_reduction", false, communeHouseholds("Số hộ cận nghèo giảm của xã.", "The commune's near-poverty reduction.")},
				{"new_jobs", false, count("Số lao động được tạo việc làm mới ở xã.", "New jobs in the commune.")},
			}))},
	})

	allocation := object("Dự toán được giao từ cấp trên, và văn bản giao; vốn NSTW kế hoạch không được vượt (B206).",
		"The budget assigned from above, and the document that assigned it; planned central funds must not exceed it (B206).", []prop{
			{"source", false, text("Văn bản giao dự toán: Quyết định số … của UBND tỉnh ….", "The document that assigned it: Quyết định số … của UBND tỉnh ….")},
			{"projects", false, list("Vốn NSTW được giao theo dự án, tiểu dự án.", "Central funds assigned per project or sub-project.",
				object("Vốn được giao cho một dự án hoặc tiểu dự án.", "The funds assigned to a project or sub-project.", []prop{
					{"project", true, integer("Số dự án.", "The project's number.", 1, 99)},
					{"subproject", false, integer("Số tiểu dự án (nếu giao theo tiểu dự án).", "The sub-project's number (when assigned per sub-project).", 1, 99)},
					{"central", true, amount("Vốn NSTW được giao.", "The central funds assigned.")},
				}))},
		})

	top := object("Tệp kế hoạch kehoach, định dạng phiên bản 1: một kế hoạch của một cấp cho một năm.",
		"A kehoach plan file, format version 1: one plan of one level for one year.", []prop{
			{"kehoach", true, with("Phiên bản định dạng: 1.", "The format version: 1.", obj{{"type", "integer"}, {"enum", supportedVersions}})},
			{"plan", true, info},
			{"rules", false, rules},
			{"communes", false, communes},
			{"targets", false, targets},
			{"projects", true, with("Các dự án thành phần (Phụ lục 2 trở đi); ít nhất một dự án.", "The component projects (Phụ lục 2 onwards); at least one.",
				obj{{"type", "array"}, {"minItems", 1}, {"items", project()}})},
			{"funding", false, funding("Tổng kinh phí của kế hoạch (IV. KINH PHÍ THỰC HIỆN); mỗi nguồn phải bằng tổng các dự án (B203).",
				"The plan's grand totals (IV. KINH PHÍ THỰC HIỆN); each source must equal the sum over the projects (B203).")},
			{"allocation", false, allocation},
		})
	return append(obj{
		{"$schema", "http://json-schema.org/draft-07/schema#"},
		{"title", "Kế hoạch kehoach, định dạng 1 / kehoach plan, format 1"},
	}, top...)
}
