package appendix

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Cell is the content of one cell of a workbook: its formula (without the
// leading =) and its value as stored (a formula's cached value).
type Cell struct {
	// Ref is the cell's reference: "D8".
	Ref     string
	Formula string
	Value   string
	// Number is true when Value is a number.
	Number bool
}

// Difference is the first place where two workbooks differ in content.
type Difference struct {
	// Sheet is the sheet, and Ref the cell, where they differ; Ref is ""
	// when the sheets themselves differ (Old and New list them).
	Sheet, Ref string
	// Old and New are the cell's content in each: "=E8+F8+G8 → 7604", "7603",
	// or "" for an empty cell.
	Old, New string
}

// Compare reports the first difference in content between two workbooks:
// the list of sheets, then each sheet's cells in order, a formula and its
// value. Styles, widths and the document's properties are not content.
// Numbers are equal when they agree to 1 part in 10^12, so that a workbook
// recalculated and saved by a spreadsheet is still the same. differ is
// false when they have the same content.
func Compare(oldData, newData []byte) (d Difference, differ bool, err error) {
	ow, err := openWorkbook(oldData)
	if err != nil {
		return Difference{}, false, fmt.Errorf("old workbook: %w", err)
	}
	nw, err := openWorkbook(newData)
	if err != nil {
		return Difference{}, false, fmt.Errorf("new workbook: %w", err)
	}
	on, nn := ow.sheetNames(), nw.sheetNames()
	if strings.Join(on, ",") != strings.Join(nn, ",") {
		return Difference{Old: strings.Join(on, ", "), New: strings.Join(nn, ", ")}, true, nil
	}
	for _, name := range on {
		oc, err := ow.cells(name)
		if err != nil {
			return Difference{}, false, fmt.Errorf("old workbook: %s: %w", name, err)
		}
		nc, err := nw.cells(name)
		if err != nil {
			return Difference{}, false, fmt.Errorf("new workbook: %s: %w", name, err)
		}
		if d, ok := firstDifference(oc, nc); ok {
			d.Sheet = name
			return d, true, nil
		}
	}
	return Difference{}, false, nil
}

// Cells returns the cells with content of a sheet of a workbook, in order.
func Cells(data []byte, sheet string) ([]Cell, error) {
	wb, err := openWorkbook(data)
	if err != nil {
		return nil, err
	}
	return wb.cells(sheet)
}

// SheetNames returns the sheets of a workbook, in order.
func SheetNames(data []byte) ([]string, error) {
	wb, err := openWorkbook(data)
	if err != nil {
		return nil, err
	}
	return wb.sheetNames(), nil
}

// String shows a cell's content: "=SUM(E9:E10) → 6220", "7604", "TỔNG CỘNG".
func (c Cell) String() string {
	if c.Formula != "" {
		return "=" + c.Formula + " → " + c.Value
	}
	return c.Value
}

func firstDifference(old, cur []Cell) (Difference, bool) {
	for i := 0; i < len(old) || i < len(cur); i++ {
		switch {
		case i >= len(cur) || i < len(old) && refLess(old[i].Ref, cur[i].Ref):
			return Difference{Ref: old[i].Ref, Old: old[i].String()}, true
		case i >= len(old) || refLess(cur[i].Ref, old[i].Ref):
			return Difference{Ref: cur[i].Ref, New: cur[i].String()}, true
		case !sameCell(old[i], cur[i]):
			return Difference{Ref: old[i].Ref, Old: old[i].String(), New: cur[i].String()}, true
		}
	}
	return Difference{}, false
}

func sameCell(a, b Cell) bool {
	if a.Formula != b.Formula || a.Number != b.Number {
		return false
	}
	if !a.Number {
		return a.Value == b.Value
	}
	x, err1 := strconv.ParseFloat(a.Value, 64)
	y, err2 := strconv.ParseFloat(b.Value, 64)
	if err1 != nil || err2 != nil {
		return a.Value == b.Value
	}
	return x == y || math.Abs(x-y) <= 1e-12*math.Max(math.Abs(x), math.Abs(y))
}

// refLess orders cell references by row, then column.
func refLess(a, b string) bool {
	ac, ar, _ := excelize.CellNameToCoordinates(a)
	bc, br, _ := excelize.CellNameToCoordinates(b)
	if ar != br {
		return ar < br
	}
	return ac < bc
}

// workbook is an xlsx file opened for reading its cells, part by part,
// without loading a sheet into memory at once.
type workbook struct {
	z      *zip.Reader
	names  []string
	paths  map[string]string
	shared []string
}

func openWorkbook(data []byte) (*workbook, error) {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("not an xlsx workbook: %w", err)
	}
	wb := &workbook{z: z, paths: map[string]string{}}
	var book struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := wb.decode("xl/workbook.xml", &book); err != nil {
		return nil, err
	}
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := wb.decode("xl/_rels/workbook.xml.rels", &rels); err != nil {
		return nil, err
	}
	targets := map[string]string{}
	for _, r := range rels.Rel {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		targets[r.ID] = t
	}
	for _, s := range book.Sheets {
		wb.names = append(wb.names, s.Name)
		wb.paths[s.Name] = targets[s.ID]
	}
	if f := wb.file("xl/sharedStrings.xml"); f != nil {
		if err := wb.readShared(f); err != nil {
			return nil, err
		}
	}
	return wb, nil
}

func (wb *workbook) sheetNames() []string { return wb.names }

func (wb *workbook) file(name string) *zip.File {
	for _, f := range wb.z.File {
		if f.Name == name {
			return f
		}
	}
	return nil
}

func (wb *workbook) decode(name string, v any) error {
	f := wb.file(name)
	if f == nil {
		return fmt.Errorf("no %s in the workbook", name)
	}
	r, err := f.Open()
	if err != nil {
		return err
	}
	defer r.Close()
	return xml.NewDecoder(r).Decode(v)
}

// readShared reads the shared strings: the text of each <si>, its runs
// joined, without phonetic runs.
func (wb *workbook) readShared(f *zip.File) error {
	r, err := f.Open()
	if err != nil {
		return err
	}
	defer r.Close()
	dec := xml.NewDecoder(r)
	var sb strings.Builder
	inSI, depthPh := false, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				inSI = true
				sb.Reset()
			case "rPh":
				depthPh++
			case "t":
				if inSI && depthPh == 0 {
					var s string
					if err := dec.DecodeElement(&s, &t); err != nil {
						return err
					}
					sb.WriteString(s)
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				inSI = false
				wb.shared = append(wb.shared, sb.String())
			case "rPh":
				depthPh--
			}
		}
	}
}

// cells reads the cells of a sheet that have a value or a formula.
func (wb *workbook) cells(sheet string) ([]Cell, error) {
	p, ok := wb.paths[sheet]
	if !ok {
		return nil, fmt.Errorf("no sheet %q", sheet)
	}
	f := wb.file(p)
	if f == nil {
		return nil, fmt.Errorf("no %s in the workbook", p)
	}
	r, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	dec := xml.NewDecoder(r)
	var out []Cell
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "c" {
			continue
		}
		var c struct {
			R  string `xml:"r,attr"`
			T  string `xml:"t,attr"`
			F  string `xml:"f"`
			V  string `xml:"v"`
			IS struct {
				T string `xml:"t"`
				R []struct {
					T string `xml:"t"`
				} `xml:"r"`
			} `xml:"is"`
		}
		if err := dec.DecodeElement(&c, &se); err != nil {
			return nil, err
		}
		cell := Cell{Ref: c.R, Formula: c.F}
		switch c.T {
		case "s":
			i, err := strconv.Atoi(c.V)
			if err != nil || i < 0 || i >= len(wb.shared) {
				return nil, errors.New(c.R + ": bad shared string index")
			}
			cell.Value = wb.shared[i]
		case "inlineStr":
			cell.Value = c.IS.T
			for _, run := range c.IS.R {
				cell.Value += run.T
			}
		case "str", "e":
			cell.Value = c.V
		case "b":
			cell.Value = c.V
		default:
			cell.Value, cell.Number = c.V, c.V != ""
		}
		if cell.Value == "" && cell.Formula == "" {
			continue
		}
		out = append(out, cell)
	}
}
