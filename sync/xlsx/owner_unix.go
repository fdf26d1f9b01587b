//go:build unix

package xlsx

import (
	"os"
	"syscall"
)

// keepOwner gives the new copy the old file's owner and group, so that a
// workbook shared through a group keeps working for the others. Only root
// may give a file away; otherwise the group is kept where the user is a
// member of it, and the owner becomes the user running katsudo.
func keepOwner(tmp *os.File, target string) {
	fi, err := os.Stat(target)
	if err != nil {
		return
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	if tmp.Chown(int(st.Uid), int(st.Gid)) != nil {
		_ = tmp.Chown(-1, int(st.Gid))
	}
}
