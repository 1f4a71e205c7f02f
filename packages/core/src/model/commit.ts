/** How a file changed in a commit. Renames are reported as a deletion plus an addition. */
export type FileStatus = 'added' | 'modified' | 'deleted'

/** One file's change in a commit, with line counts as `git log --numstat --no-renames` gives them. */
export interface FileChange {
  readonly path: string
  /** Lines added; 0 for binary files. */
  readonly added: number
  /** Lines removed; 0 for binary files. */
  readonly removed: number
  readonly status: FileStatus
  readonly binary: boolean
  /**
   * Set when a blob the line counts need is missing from the object store (a partial clone):
   * `added` and `removed` are then 0 and stand for unknown counts. Absent otherwise.
   */
  readonly linesUnknown?: true
}

export interface Person {
  readonly name: string
  readonly email: string
}

/**
 * A commit as gitlore reads it. `author` is the identity after `.mailmap` is applied.
 * Merge commits carry no files, as `git log` shows them.
 */
export interface Commit {
  readonly sha: string
  readonly parents: readonly string[]
  readonly author: Person
  /** Author date, ISO 8601 in UTC. */
  readonly authoredAt: string
  /** Committer date, ISO 8601 in UTC. */
  readonly committedAt: string
  readonly subject: string
  /** The message after the subject line and the blank line that follows it. */
  readonly body: string
  readonly files: readonly FileChange[]
}

/** A commit is a merge when it has two or more parents. */
export function isMerge(commit: Pick<Commit, 'parents'>): boolean {
  return commit.parents.length >= 2
}
