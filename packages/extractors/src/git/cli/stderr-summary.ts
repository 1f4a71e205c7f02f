/** Credentials inside any URL in free text (`https://user:token@host` -> `https://host`). */
const urlCredentials = /\b([a-z][a-z0-9+.-]*:\/\/)[^@/\s]*@/gi

/** The last few meaningful lines of git's stderr, on one line, without credentials. */
export function summarizeStderr(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
  const summary = lines.slice(-3).join(' | ').replace(urlCredentials, '$1')
  if (summary === '') return 'no error output'
  return summary.length > 400 ? `${summary.slice(0, 400)}...` : summary
}
