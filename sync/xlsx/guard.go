package xlsx

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrInUse means the workbook is open in Excel or LibreOffice: their lock
// file is beside it. katsudo does not write it then, because the editor's
// next save would silently put back the old file and drop katsudo's tabs.
// Close the workbook and run again; pass --force when the lock file is a
// leftover of an editor that crashed.
var ErrInUse = errors.New("the workbook is open in Excel or LibreOffice")

// ErrReadOnly means the workbook file is marked read-only. katsudo leaves
// it alone unless told otherwise with --force.
var ErrReadOnly = errors.New("the workbook is read-only")

// lockFiles are the files Excel and LibreOffice create beside a workbook
// while it is open: Excel's ~$name (with the first two characters of a
// long name dropped, as Word does) and LibreOffice's .~lock.name#.
func lockFiles(target string) []string {
	dir, name := filepath.Split(target)
	locks := []string{"~$" + name, ".~lock." + name + "#"}
	if r := []rune(name); len(r) > 2 {
		locks = append(locks, "~$"+string(r[2:]))
	}
	for i, l := range locks {
		locks[i] = filepath.Join(dir, l)
	}
	return locks
}

// checkFree refuses to replace a workbook that an editor has open or that
// is read-only. A file that does not exist yet is free.
func checkFree(target string) error {
	fi, err := os.Stat(target)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, l := range lockFiles(target) {
		if _, err := os.Lstat(l); err == nil {
			editor := "Excel"
			if strings.HasPrefix(filepath.Base(l), ".~lock.") {
				editor = "LibreOffice"
			}
			return newProblem(ErrInUse, "「"+filepath.Base(target)+"」は "+editor+" で開かれています（"+filepath.Base(l)+
				" があります）。閉じてからもう一度実行してください / the workbook is open in "+editor+" (its lock file "+
				filepath.Base(l)+" is beside it): close it and run again, or pass --force if the lock file is left over from a crash")
		}
	}
	if fi.Mode().Perm()&0o222 == 0 {
		return newProblem(ErrReadOnly, "「"+filepath.Base(target)+"」は読み取り専用です / the workbook is read-only: "+
			"clear its read-only setting, or pass --force to write it anyway")
	}
	return nil
}
