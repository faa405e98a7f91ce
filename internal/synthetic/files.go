package synthetic

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
)

// WriteNational writes National(communes) to the file name.
func WriteNational(name string, communes int) error {
	return writeFile(name, func(w io.Writer) error { return National(w, communes) })
}

// WriteRepo writes the repository workload to dir, which it creates:
// plans district plans of communes communes each, the i-th named
// DistrictFile(i) with the figures of DistrictName(i).
func WriteRepo(dir string, plans, communes int) error {
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return err
	}
	for i := 1; i <= plans; i++ {
		err := writeFile(filepath.Join(dir, DistrictFile(i)), func(w io.Writer) error {
			return District(w, DistrictName(i), communes)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// writeFile creates the file name with what write writes, buffered.
func writeFile(name string, write func(io.Writer) error) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	err = write(w)
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
