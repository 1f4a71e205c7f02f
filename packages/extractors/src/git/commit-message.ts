/** C `isspace` in the C locale, which git uses to find blank lines and trim subjects. */
function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d)
}

function isBlank(line: string): boolean {
  for (let index = 0; index < line.length; index++) if (!isSpace(line.charCodeAt(index))) return false
  return true
}

function trimEndSpace(text: string): string {
  let end = text.length
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--
  return text.slice(0, end)
}

/**
 * Splits a commit message the way `git log` does for `%s` and `%b`: leading blank lines are
 * skipped, the subject is the first paragraph with its lines joined by spaces, and the body is
 * what follows the blank lines after it. The body loses its trailing whitespace.
 */
export function splitMessage(message: string): { subject: string; body: string } {
  const lines = message.split('\n')
  let index = 0
  while (index < lines.length && isBlank(lines[index] as string)) index++
  const subject: string[] = []
  while (index < lines.length && !isBlank(lines[index] as string)) subject.push(trimEndSpace(lines[index++] as string))
  while (index < lines.length && isBlank(lines[index] as string)) index++
  return { subject: subject.join(' '), body: trimEndSpace(lines.slice(index).join('\n')) }
}
