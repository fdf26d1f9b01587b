package xlsx

// SetRename replaces the final rename of a save, to test a save that fails
// at its last step; it returns a function restoring os.Rename.
func SetRename(fn func(from, to string) error) (restore func()) {
	old := rename
	rename = fn
	return func() { rename = old }
}

// ReadsAhead reports whether reading tab of the workbook at path inflates
// its worksheet part on a goroutine of its own (openPart).
func ReadsAhead(path, tab string) (bool, error) {
	p, err := openPackage(path)
	if err != nil {
		return false, err
	}
	defer p.close()
	t, _ := p.tab(tab)
	rc, err := p.openPart(t.part)
	if err != nil {
		return false, err
	}
	defer rc.Close()
	_, ok := rc.(*readAhead)
	return ok, nil
}
