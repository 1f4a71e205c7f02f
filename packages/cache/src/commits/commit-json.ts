import type { FileChange, RawCommit } from '@gitlore/core'

/**
 * The stored form of a commit: exactly the `RawCommit` fields, so nothing a caller attached to the object
 * is persisted. When `RawCommit` gains a field this stops compiling, as a reminder that stored commits
 * lack it and need a migration.
 */
export function encodeCommit(commit: RawCommit): string {
  const stored: RawCommit = {
    sha: commit.sha,
    parents: commit.parents,
    author: { name: commit.author.name, email: commit.author.email },
    authoredAt: commit.authoredAt,
    committedAt: commit.committedAt,
    subject: commit.subject,
    body: commit.body,
    files: commit.files.map(
      (file): FileChange => ({
        path: file.path,
        added: file.added,
        removed: file.removed,
        status: file.status,
        binary: file.binary,
      }),
    ),
    submoduleEntries: commit.submoduleEntries,
  }
  return JSON.stringify(stored)
}

/** Reads a commit stored by `encodeCommit`. */
export function decodeCommit(data: string): RawCommit {
  return JSON.parse(data) as RawCommit
}
