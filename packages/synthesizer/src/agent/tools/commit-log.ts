import { capLine } from './cap-text.js'

/** Field and record separators of the log formats below (ASCII unit and record separators). */
const unit = '\x1f'
const record = '\x1e'

/** `git log --format` giving sha, author date, author and subject, one record per commit. */
export const commitLogFormat = `--format=${record}%H${unit}%as${unit}%an <%ae>${unit}%s`

/** One commit of a log listing, with its changed files (numstat or name-only lines). */
export interface LoggedCommit {
  readonly sha: string
  readonly date: string
  readonly author: string
  readonly subject: string
  readonly fileLines: readonly string[]
}

/** Parses the output of `git log` run with `commitLogFormat` (and optionally --numstat or --name-only). */
export function parseCommitLog(stdout: string): LoggedCommit[] {
  return stdout
    .split(record)
    .filter((entry) => entry.trim() !== '')
    .map((entry) => {
      const [header = '', ...rest] = entry.split('\n')
      const [sha = '', date = '', author = '', subject = ''] = header.split(unit)
      return { sha, date, author, subject, fileLines: rest.map((line) => line.trim()).filter((line) => line !== '') }
    })
}

/** `abc1234 2025-01-06 Alice <alice@example.com>: subject` */
export function commitLine(commit: LoggedCommit, maxChars: number): string {
  return capLine(`${commit.sha.slice(0, 10)} ${commit.date} ${commit.author}: ${commit.subject}`, maxChars)
}

/** Lines added and removed, summed over numstat lines (binary files count 0). */
export function numstatTotals(fileLines: readonly string[]): { added: number; removed: number } {
  let added = 0
  let removed = 0
  for (const line of fileLines) {
    const [plus = '', minus = ''] = line.split('\t')
    added += Number.parseInt(plus, 10) || 0
    removed += Number.parseInt(minus, 10) || 0
  }
  return { added, removed }
}
