import type { Commit, FileChange, Person } from '@gitlore/core'

/** A file change by path alone (one added line) or spelled out. */
export type TestFile = string | (Partial<FileChange> & Pick<FileChange, 'path'>)

export interface TestCommit {
  readonly sha?: string
  /** Two or more parents make a merge; default one parent. */
  readonly parents?: readonly string[]
  /** A Person, or a name whose email becomes `<name>@example.com`. */
  readonly author?: Person | string
  /** Author date; default `dayAt(0)`. */
  readonly at?: string
  readonly subject?: string
  readonly body?: string
  readonly files?: readonly TestFile[]
}

let serial = 0

/** A hand-built commit for unit tests, with defaults for everything not given. */
export function makeCommit(commit: TestCommit = {}): Commit {
  const author = commit.author ?? 'alice'
  const at = commit.at ?? dayAt(0)
  return {
    sha: commit.sha ?? (++serial).toString(16).padStart(40, '0'),
    parents: commit.parents ?? ['f'.repeat(40)],
    author: typeof author === 'string' ? { name: author, email: `${author}@example.com` } : author,
    authoredAt: at,
    committedAt: at,
    subject: commit.subject ?? 'Change things',
    body: commit.body ?? '',
    files: (commit.files ?? []).map((file) =>
      typeof file === 'string'
        ? { path: file, added: 1, removed: 0, status: 'modified', binary: false }
        : { added: 0, removed: 0, status: 'modified', binary: false, ...file },
    ),
  }
}

/** An ISO date `days` (fractional allowed) after 2025-01-01T00:00:00Z. */
export function dayAt(days: number): string {
  return new Date(Date.parse('2025-01-01T00:00:00Z') + days * 86_400_000).toISOString()
}
