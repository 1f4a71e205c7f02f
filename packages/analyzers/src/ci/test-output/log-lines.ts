// What GitHub puts before each line of a job log: an ISO timestamp, and with `gh run view --log` the
// job and step names (tab-separated) before that. A byte-order mark may open the file.
const prefix = /^\uFEFF?(?:[^\t\n]*\t[^\t\n]*\t\uFEFF?)?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?/
// ANSI colour and cursor sequences: test runners colour their FAIL lines.
const ansi = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[@-_]/g

/**
 * A CI log's lines as the test runner printed them: GitHub's per-line timestamps (also in the
 * `gh run view --log` form) and terminal colour codes removed, so a log saved from GitHub reads like
 * the runner's own output.
 */
export function logLines(text: string): string[] {
  return text.split(/\r?\n/).map((line) => line.replace(prefix, '').replace(ansi, ''))
}
