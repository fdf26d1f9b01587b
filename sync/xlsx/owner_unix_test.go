//go:build unix

package xlsx_test

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestWorkbookWrite_KeepsOwner gives the new file the old one's owner and
// group (only root can test it: only root may give a file away).
func TestWorkbookWrite_KeepsOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to give the file to another user")
	}
	path := filepath.Join(t.TempDir(), "log.xlsx")
	MustMembersWorkbook(t, path)
	if err := os.Chown(path, 1234, 5678); err != nil {
		t.Fatal(err)
	}
	MustWrite(t, path, reportSheets...)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	st := fi.Sys().(*syscall.Stat_t)
	if st.Uid != 1234 || st.Gid != 5678 {
		t.Errorf("owner %d:%d, want 1234:5678", st.Uid, st.Gid)
	}
}
