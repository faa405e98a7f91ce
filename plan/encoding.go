package plan

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/kehoach/kehoach/plan/internal/yamltext"
)

// checkEncoding returns E111 when data is not UTF-8, naming the likely
// encoding: UTF-16 (Notepad's "Unicode"), UTF-32, or one of the legacy
// Vietnamese encodings that district offices still have (TCVN3, VNI,
// Windows-1258). bom is the length of the UTF-8 byte order mark removed
// from the start of data, for the byte offset in the message.
func checkEncoding(data []byte, bom int) (Diagnostic, bool) {
	wide := wideEncoding(data)
	if wide == "" && utf8.Valid(data) {
		return Diagnostic{}, true
	}
	// The first byte that is not UTF-8 (or a NUL, which no text has).
	offset := 0
	for offset < len(data) {
		r, size := utf8.DecodeRune(data[offset:])
		if (r == utf8.RuneError && size <= 1) || r == 0 {
			break
		}
		offset += size
	}
	line, col := 1, 1
	if wide != "" {
		offset = 0
	} else {
		line, col = yamltext.NewLines(data).Position(offset)
	}
	enc := guessEncoding(data, wide)
	return Diagnostic{
		Code: "E111", Severity: Error, Pos: Pos{line, col},
		Message: Message{
			VI: fmt.Sprintf("tệp không phải UTF-8 hợp lệ (byte thứ %d); có lẽ tệp được lưu bằng mã %s", bom+offset, enc.VI),
			EN: fmt.Sprintf("the file is not valid UTF-8 (at byte offset %d); it was probably saved as %s", bom+offset, enc.EN),
		},
		Help: encodingHelp(wide != ""),
	}, false
}

// wideEncoding returns "UTF-16" or "UTF-32" when data looks like text in
// one of them (a byte order mark, or zero bytes in the first ASCII
// characters), else "".
func wideEncoding(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe, 0, 0}), bytes.HasPrefix(data, []byte{0, 0, 0xfe, 0xff}):
		return "UTF-32"
	case len(data) >= 4 && data[0] != 0 && data[1] == 0 && data[2] == 0 && data[3] == 0,
		len(data) >= 4 && data[0] == 0 && data[1] == 0 && data[2] == 0 && data[3] != 0:
		return "UTF-32"
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}), bytes.HasPrefix(data, []byte{0xfe, 0xff}),
		len(data) >= 2 && (data[0] == 0 || data[1] == 0):
		return "UTF-16"
	}
	return ""
}

func encodingHelp(utf16 bool) Message {
	if utf16 {
		return Message{
			VI: "Trong Notepad chọn File > Save As, Encoding: UTF-8, rồi lưu lại.",
			EN: "In Notepad choose File > Save As, Encoding: UTF-8, and save again.",
		}
	}
	return Message{
		VI: "Chuyển sang Unicode bằng Unikey (Công cụ chuyển mã, đích Unicode) rồi lưu dưới dạng UTF-8; hoặc mở trong trình soạn thảo, chọn đúng bảng mã cũ và lưu lại là UTF-8.",
		EN: "Convert to Unicode with Unikey's converter (target: Unicode) and save as UTF-8, or open it in an editor with the legacy encoding and save it as UTF-8.",
	}
}

// guessEncoding names the most likely encoding of bytes that are not UTF-8.
// The legacy encodings put Vietnamese letters at different high bytes:
// Windows-1258 writes tone marks as separate combining bytes (0xCC, 0xEC,
// 0xD2, 0xDE, 0xF2) after a vowel; VNI writes a letter with diacritics as
// the plain ASCII vowel followed by a Latin-1 byte for the marks ("Keá
// hoaïch" for "Kế hoạch"), lowercase marks after lowercase vowels, with a
// few letters of their own (ơ, ư, đ and the marked i's); TCVN3 (ABC)
// writes every marked letter as one byte across 0xA1–0xFE, most often
// after a consonant.
func guessEncoding(data []byte, wide string) Message {
	switch wide {
	case "UTF-16":
		return Message{VI: "UTF-16 (Notepad gọi là \"Unicode\")", EN: "UTF-16 (Notepad's \"Unicode\")"}
	case "UTF-32":
		return Message{VI: "UTF-32", EN: "UTF-32"}
	}
	var tone, vni, high int
	for i, b := range data {
		if b < 0x80 {
			continue
		}
		high++
		var prev byte
		if i > 0 {
			prev = data[i-1]
		}
		switch b {
		case 0xcc, 0xec, 0xd2, 0xde, 0xf2:
			if i > 0 && isVowel(prev) {
				tone++
			}
		}
		if vniPlausible(prev, b) {
			vni++
		}
	}
	name := "TCVN3 (ABC)"
	switch {
	case high > 0 && tone*3 >= high:
		name = "Windows-1258"
	case high > 0 && vni*10 >= high*9:
		name = "VNI-Windows"
	}
	return Message{VI: name, EN: name}
}

// vniPlausible reports whether the high byte b, after prev, is what VNI
// writes: one of its own letters (ơ ư đ í ì ỉ ĩ ị, either case) anywhere,
// or a mark after a vowel of the same case (or after its ơ and ư).
func vniPlausible(prev, b byte) bool {
	switch b {
	case 0xf4, 0xf6, 0xf1, 0xed, 0xec, 0xe6, 0xf3, 0xf2, // ô ö ñ í ì æ ó ò
		0xd4, 0xd6, 0xd1, 0xcd, 0xcc, 0xc6, 0xd3, 0xd2:
		return true
	}
	lower := b >= 0xe0
	switch b | 0x20 {
	case 0xe0, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, // à á â ã ä å: ầ ấ â ẫ ậ ẩ
		0xe8, 0xe9, 0xea, 0xeb, // è é ê ë: ằ ắ ă ặ
		0xef, 0xf5, 0xf8, 0xf9, 0xfa, 0xfb, 0xfc: // ï õ ø ù ú û ü: the tones, ẳ ẵ
	default:
		return false
	}
	switch {
	case lower && (prev == 0xf4 || prev == 0xf6):
		return true
	case !lower && (prev == 0xd4 || prev == 0xd6):
		return true
	}
	switch prev {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return lower
	case 'A', 'E', 'I', 'O', 'U', 'Y':
		return !lower
	}
	return false
}

func isVowel(b byte) bool {
	switch b | 0x20 {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return b >= 0xc0 // a precomposed vowel with a diacritic in Windows-1258
}
