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
// The schema is generated from the reader's tables of fields (read.go):
// each key's name, whether it is required, its kind and bounds and its
// description are written once, in the key's row, for the reader and the
// schema alike.
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
func bilingual(m Message) string { return m.VI + "\n\n" + m.EN }

// with returns s with a description first.
func with(doc Message, s obj) obj {
	return append(obj{{"description", bilingual(doc)}}, s...)
}

// key is a key of a mapping as the schema and the other knowledge derived
// from the tables see it: a field without its reader.
type key struct {
	name     string
	required bool
	spec     spec
}

// keysOf returns the keys of a table of fields.
func keysOf[T any](fields []field[T]) []key {
	keys := make([]key, len(fields))
	for i, f := range fields {
		keys[i] = key{f.name, f.required, f.spec}
	}
	return keys
}

// specKind is the kind of a key's value.
type specKind int

const (
	textSpec          specKind = iota // any scalar, read as text
	textsSpec                         // a text or a list of texts
	wordSpec                          // one of the spec's words
	programmeSpec                     // text; the schema lists the catalogue's ids, C401 checks them
	dateSpec                          // text of ParseDate's form
	communeIDSpec                     // text of validCommuneID's form
	versionSpec                       // a supported format version
	integerSpec                       // a whole number in [lo, hi]
	numberSpec                        // a number of kind num
	amountOrKindsSpec                 // an amount, or a mapping of kinds of funds to amounts
	objectSpec                        // a mapping of keys
	listSpec                          // a list of items
)

// spec is what a key holds: its kind and bounds, which the reader checks,
// and its description in Vietnamese and English, which the schema prints.
type spec struct {
	doc  Message
	kind specKind
	// words are a wordSpec's values.
	words []string
	// lo and hi are an integerSpec's range, as the reader checks it. min
	// is the schema's minimum: lo, or above it when the values below min
	// are read and left to a check that says what they are for.
	lo, hi, min int
	// num is a numberSpec's kind of number.
	num numKind
	// keys are an objectSpec's keys; rule is a condition on them that the
	// reader checks in its own code, written as JSON Schema keywords.
	keys []key
	rule obj
	// items is a listSpec's item; nonEmpty requires one at least.
	items    *spec
	nonEmpty bool
	// rows is true when a listSpec's items are rows of the appendices,
	// of rowKind, which MaxRows limits (topRowLists).
	rows    bool
	rowKind rowKind
}

func text(vi, en string) spec  { return spec{doc: Message{vi, en}, kind: textSpec} }
func texts(vi, en string) spec { return spec{doc: Message{vi, en}, kind: textsSpec} }

func enum(vi, en string, words ...string) spec {
	return spec{doc: Message{vi, en}, kind: wordSpec, words: words}
}

func integer(vi, en string, lo, hi int) spec {
	return spec{doc: Message{vi, en}, kind: integerSpec, lo: lo, hi: hi, min: lo}
}

// reservedBelow returns the integer spec s with the schema's minimum at
// first: the reader still reads the values from s.lo, and a later check
// reports those below first with what they are reserved for.
func (s spec) reservedBelow(first int) spec {
	s.min = first
	return s
}

// programme is the id of a programme in the catalogue (plan.program).
func programme(vi, en string) spec { return spec{doc: Message{vi, en}, kind: programmeSpec} }

// date is a date of ParseDate's form (plan.date).
func date(vi, en string) spec { return spec{doc: Message{vi, en}, kind: dateSpec} }

// communeID is a commune's id (communes[].id).
func communeID(vi, en string) spec { return spec{doc: Message{vi, en}, kind: communeIDSpec} }

// version is the format version (kehoach).
func version(vi, en string) spec { return spec{doc: Message{vi, en}, kind: versionSpec} }

// numberNote ends the description of a number of each kind.
var numberNote = [...]Message{
	amountNum: {
		VI: " Số tiền theo `plan.currency_unit` (mặc định triệu đồng): số thập phân không âm, dấu chấm là dấu thập phân, tối đa 3 chữ số sau dấu chấm, không dấu ngăn cách hàng nghìn (3.188 triệu viết là 3188).",
		EN: " An amount in `plan.currency_unit` (million VND by default): a non-negative decimal, `.` as the decimal mark, at most 3 decimals, no thousands separators (3.188 million in Vietnamese notation is written 3188).",
	},
	countNum:    {VI: " Số nguyên không âm.", EN: " A non-negative whole number."},
	percentNum:  {VI: " Tỷ lệ phần trăm từ 0 đến 100, ghi như trên văn bản (6.8 là 6,8 %).", EN: " A percent from 0 to 100, written as in the document (6.8 means 6.8 %)."},
	quantityNum: {}, // its description says what it is
}

// numberType is the JSON Schema type of a number of each kind.
var numberType = [...]obj{
	amountNum:   {{"type", "number"}, {"minimum", 0}},
	countNum:    {{"type", "integer"}, {"minimum", 0}},
	percentNum:  {{"type", "number"}, {"minimum", 0}, {"maximum", 100}},
	quantityNum: {{"type", "number"}, {"minimum", 0}},
}

func number(vi, en string, kind numKind) spec {
	return spec{doc: Message{vi + numberNote[kind].VI, en + numberNote[kind].EN}, kind: numberSpec, num: kind}
}

func amount(vi, en string) spec { return number(vi, en, amountNum) }

// amountOrKinds is a funding figure: an amount, or amounts by kind of
// funds.
func amountOrKinds(vi, en string) spec {
	return spec{doc: Message{vi + numberNote[amountNum].VI, en + numberNote[amountNum].EN}, kind: amountOrKindsSpec, num: amountNum}
}

func count(vi, en string) spec    { return number(vi, en, countNum) }
func percent(vi, en string) spec  { return number(vi, en, percentNum) }
func quantity(vi, en string) spec { return number(vi, en, quantityNum) }

// object is a mapping with the keys of a table of fields, plus `notes`
// and `x-` keys, as the loader reads every mapping; rule is a condition on
// its keys that the reader checks in its own code.
func object[T any](vi, en string, fields []field[T], rule ...kv) spec {
	return spec{doc: Message{vi, en}, kind: objectSpec, keys: keysOf(fields), rule: rule}
}

// list is a YAML list of items; an empty value is an empty list, as the
// loader reads it.
func list(vi, en string, items spec) spec {
	return spec{doc: Message{vi, en}, kind: listSpec, items: &items}
}

// rowsOf returns the list spec s with items that are rows of the kind.
func (s spec) rowsOf(kind rowKind) spec {
	s.rows, s.rowKind = true, kind
	return s
}

// atLeastOne returns the list spec s with one item at least, and no empty
// value.
func (s spec) atLeastOne() spec {
	s.nonEmpty = true
	return s
}

// funding is a `funding` object: an amount per source and an optional
// total, which is an assertion.
func funding(vi, en string) spec {
	return object(vi+" Chỉ những gì được ghi mới được kiểm tra.", en+" Only what is written is asserted.", fundingFields)
}

// scalarType is the JSON Schema type of a text: the loader reads any
// scalar as text (a document number may be written 215), and an empty
// value as empty text.
var scalarType = obj{{"type", []string{"string", "number", "boolean", "null"}}}

// schema returns the JSON Schema of a value of the spec.
func (s *spec) schema() obj {
	switch s.kind {
	case textSpec:
		return with(s.doc, scalarType)
	case textsSpec:
		return with(s.doc, obj{{"anyOf", []obj{scalarType, {{"type", "array"}, {"items", scalarType}}}}})
	case wordSpec:
		return with(s.doc, obj{{"type", "string"}, {"enum", s.words}})
	case programmeSpec:
		return with(s.doc, obj{{"type", "string"}, {"enum", ProgrammeIDs()}})
	case dateSpec:
		return with(s.doc, obj{{"type", "string"}, {"pattern", datePattern}})
	case communeIDSpec:
		return with(s.doc, obj{{"type", []string{"string", "integer"}}, {"pattern", communeIDPattern}})
	case versionSpec:
		return with(s.doc, obj{{"type", "integer"}, {"enum", supportedVersions}})
	case integerSpec:
		return with(s.doc, obj{{"type", "integer"}, {"minimum", s.min}, {"maximum", s.hi}})
	case numberSpec:
		return with(s.doc, numberType[s.num])
	case amountOrKindsSpec:
		return with(s.doc, obj{{"anyOf", []obj{numberType[amountNum], {
			{"type", "object"},
			{"description", bilingual(Message{"Chia theo loại vốn của chương trình: investment (đầu tư phát triển), recurrent (sự nghiệp).",
				"Split by the programme's kinds of funds: investment, recurrent."})},
			{"additionalProperties", numberType[amountNum]},
		}}}})
	case objectSpec:
		return s.objectSchema()
	case listSpec:
		if s.nonEmpty {
			return with(s.doc, obj{{"type", "array"}, {"minItems", 1}, {"items", s.items.schema()}})
		}
		return with(s.doc, obj{{"type", []string{"array", "null"}}, {"items", s.items.schema()}})
	}
	panic(fmt.Sprintf("plan: spec of kind %d has no schema", s.kind))
}

// objectSchema is the schema of a mapping: exactly its keys, plus `notes`
// and `x-` keys, as the loader reads every mapping.
func (s *spec) objectSchema() obj {
	props := make(obj, 0, len(s.keys)+1)
	var required []string
	var additional any = false
	for i := range s.keys {
		k := &s.keys[i]
		if k.name == anyKey {
			additional = k.spec.schema()
			continue
		}
		props = append(props, kv{k.name, k.spec.schema()})
		if k.required {
			required = append(required, k.name)
		}
	}
	props = append(props, kv{"notes", with(Message{
		"Ghi chú tự do, cấu trúc tùy ý; kehoach không đọc phần này.",
		"Free notes, of any shape; kehoach does not read them.",
	}, obj{})})
	o := with(s.doc, obj{{"type", "object"}, {"properties", props}})
	o = append(o,
		kv{"patternProperties", obj{{"^x-", with(Message{
			"Khóa mở rộng tự do (bắt đầu bằng `x-`); kehoach không đọc phần này.",
			"A free extension key (starting with `x-`); kehoach does not read it.",
		}, obj{})}}},
		kv{"additionalProperties", additional})
	if len(required) > 0 {
		o = append(o, kv{"required", required})
	}
	return append(o, s.rule...)
}

// planSchema is the schema of a plan file: the top level's spec, under
// the draft and a title.
func planSchema() obj {
	return append(obj{
		{"$schema", "http://json-schema.org/draft-07/schema#"},
		{"title", "Kế hoạch kehoach, định dạng 1 / kehoach plan, format 1"},
	}, topSpec.schema()...)
}
