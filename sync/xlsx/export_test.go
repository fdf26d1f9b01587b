package xlsx

// SetRename replaces the final rename of a save, to test a save that fails
// at its last step; it returns a function restoring os.Rename.
func SetRename(fn func(from, to string) error) (restore func()) {
	old := rename
	rename = fn
	return func() { rename = old }
}
