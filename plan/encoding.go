package plan

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/kehoach/kehoach/diag"
)

// checkEncoding returns E111 when data is not UTF-8, naming the likely
// encoding: UTF-16 (Notepad's "Unicode"), or one of the legacy Vietnamese
// encodings that district offices still have (TCVN3, VNI, Windows-1258).
func checkEncoding(data []byte) (diag.Diagnostic, bool) {
	utf16 := bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) ||
		(len(data) >= 2 && (data[0] == 0 || data[1] == 0))
	if !utf16 && utf8.Valid(data) {
		return diag.Diagnostic{}, true
	}
	offset, line, col := 0, 1, 1
	for offset < len(data) {
		r, size := utf8.DecodeRune(data[offset:])
		if (r == utf8.RuneError && size <= 1) || r == 0 {
			break
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		offset += size
	}
	if utf16 {
		offset, line, col = 0, 1, 1
	}
	enc := guessEncoding(data, utf16)
	return diag.Diagnostic{
		Code: "E111", Severity: diag.Error, Line: line, Column: col,
		Message: diag.Text{
			VI: fmt.Sprintf("tệp không phải UTF-8 hợp lệ (byte thứ %d); có lẽ tệp được lưu bằng mã %s", offset, enc.VI),
			EN: fmt.Sprintf("the file is not valid UTF-8 (at byte offset %d); it was probably saved as %s", offset, enc.EN),
		},
		Help: encodingHelp(utf16),
	}, false
}

func encodingHelp(utf16 bool) diag.Text {
	if utf16 {
		return diag.Text{
			VI: "Trong Notepad chọn File > Save As, Encoding: UTF-8, rồi lưu lại.",
			EN: "In Notepad choose File > Save As, Encoding: UTF-8, and save again.",
		}
	}
	return diag.Text{
		VI: "Chuyển sang Unicode bằng Unikey (Công cụ chuyển mã, đích Unicode) rồi lưu dưới dạng UTF-8; hoặc mở trong trình soạn thảo, chọn đúng bảng mã cũ và lưu lại là UTF-8.",
		EN: "Convert to Unicode with Unikey's converter (target: Unicode) and save as UTF-8, or open it in an editor with the legacy encoding and save it as UTF-8.",
	}
}

// guessEncoding names the most likely encoding of bytes that are not UTF-8.
// The legacy encodings put Vietnamese letters at different high bytes:
// Windows-1258 writes tone marks as separate combining bytes (0xCC, 0xEC,
// 0xD2, 0xDE, 0xF2) after a vowel; VNI writes most diacritics as
// ASCII-range letters followed by high bytes from 0xC0 to 0xFF in pairs;
// TCVN3 (ABC) uses precomposed letters across 0xA1–0xFE.
func guessEncoding(data []byte, utf16 bool) diag.Text {
	if utf16 {
		return diag.Text{VI: "UTF-16 (Notepad gọi là \"Unicode\")", EN: "UTF-16 (Notepad's \"Unicode\")"}
	}
	var tone, vniPairs, high int
	for i, b := range data {
		if b < 0x80 {
			continue
		}
		high++
		switch b {
		case 0xcc, 0xec, 0xd2, 0xde, 0xf2:
			if i > 0 && isVowel(data[i-1]) {
				tone++
			}
		}
		if i > 0 && data[i-1] >= 0x80 && b >= 0xc0 && i > 1 && isLetter(data[i-2]) {
			vniPairs++
		}
	}
	name := "TCVN3 (ABC)"
	switch {
	case high > 0 && tone*3 >= high:
		name = "Windows-1258"
	case high > 0 && vniPairs*4 >= high:
		name = "VNI-Windows"
	}
	return diag.Text{VI: name, EN: name}
}

func isVowel(b byte) bool {
	switch b | 0x20 {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return b >= 0xc0 // a precomposed vowel with a diacritic in Windows-1258
}

func isLetter(b byte) bool { return (b|0x20) >= 'a' && (b|0x20) <= 'z' }
