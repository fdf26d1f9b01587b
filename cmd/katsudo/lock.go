package main

// lockPath is the lock file of the spreadsheet the job works on
// (config.Config.LockPath).
func lockPath(j *settings, getenv func(string) string) string { return j.cfg.LockPath(getenv) }
