//go:build !unix

package xlsx

import "os"

// keepOwner does nothing where files have no Unix owner: the new copy
// inherits the folder's permissions.
func keepOwner(tmp *os.File, target string) {}
