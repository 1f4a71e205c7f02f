import type { Commit, FileChange, FileStatus } from '@gitlore/core'
import { git } from '@gitlore/fixtures'

/** Inclusive author-time bounds, ISO 8601; either may be left out. */
export interface TestWindow {
  readonly since?: string
  readonly until?: string
}

const fields = ['%H', '%P', '%aN', '%aE', '%at', '%ct', '%s', '%b'] as const
const format = `--format=%x1e${fields.join('%x00')}`
const statuses: Record<string, FileStatus> = { A: 'added', D: 'deleted' }

/**
 * A test-only stand-in for the git extractor: the commits reachable from HEAD whose author time is
 * in the window (merges included), newest first, read from one `git log --raw --numstat -z` pass.
 * Submodule entries are skipped, as the extractor does.
 */
export async function commitsFromGit(dir: string, window: TestWindow = {}): Promise<Commit[]> {
  const output = await git(dir, ['log', '--no-renames', '--raw', '--numstat', '-z', format, 'HEAD'])
  const since = window.since === undefined ? Number.NEGATIVE_INFINITY : Date.parse(window.since) / 1000
  const until = window.until === undefined ? Number.POSITIVE_INFINITY : Date.parse(window.until) / 1000
  const commits: Commit[] = []
  for (const record of output.split('\x1e').slice(1)) {
    const tokens = record.split('\0')
    const [sha, parents, name, email, authorTime, commitTime, subject, body] = tokens as string[] as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ]
    const authoredSeconds = Number(authorTime)
    if (authoredSeconds < since || authoredSeconds > until) continue
    commits.push({
      sha,
      parents: parents === '' ? [] : parents.split(' '),
      author: { name, email },
      authoredAt: new Date(authoredSeconds * 1000).toISOString(),
      committedAt: new Date(Number(commitTime) * 1000).toISOString(),
      subject,
      body: body.replace(/\n+$/, ''),
      files: parseChanges(tokens.slice(fields.length)),
    })
  }
  return commits
}

/** Raw entries (`:mode mode sha sha S`, then the path) come first, then numstat entries (`added\tremoved\tpath`). */
function parseChanges(tokens: readonly string[]): FileChange[] {
  const statusOf = new Map<string, FileStatus>()
  const submodules = new Set<string>()
  const files: FileChange[] = []
  for (let index = 0; index < tokens.length; index++) {
    const token = (tokens[index] as string).replace(/^\n/, '')
    if (token === '') continue
    if (token.startsWith(':')) {
      const path = tokens[++index] as string
      const [oldMode, newMode, , , status] = token.slice(1).split(' ')
      if (oldMode === '160000' || newMode === '160000') submodules.add(path)
      statusOf.set(path, statuses[status ?? ''] ?? 'modified')
      continue
    }
    const [added, removed, ...pathParts] = token.split('\t')
    const path = pathParts.join('\t')
    if (submodules.has(path)) continue
    const binary = added === '-'
    files.push({
      path,
      added: binary ? 0 : Number(added),
      removed: binary ? 0 : Number(removed),
      status: statusOf.get(path) ?? 'modified',
      binary,
    })
  }
  return files
}
