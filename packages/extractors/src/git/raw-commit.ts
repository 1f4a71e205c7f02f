import type { FileChange, RawCommit } from '@gitlore/core'
import { splitMessage } from './commit-message.js'
import { decodeLossy } from './decode.js'

/** A commit's fields as bytes, the way both backends read them before decoding. */
export interface RawCommitFields {
  readonly sha: string
  readonly parents: readonly string[]
  readonly authorName: Uint8Array
  readonly authorEmail: Uint8Array
  /** Unix seconds. */
  readonly authorTime: number
  /** Unix seconds. */
  readonly committerTime: number
  /** The commit's `encoding` header; empty when it has none. */
  readonly encoding: string
  readonly message: Uint8Array
  readonly files: readonly FileChange[]
  readonly submoduleEntries: number
}

/** Unix seconds as ISO 8601 in UTC; out-of-range timestamps (corrupt commits) become the epoch. */
export function isoDate(seconds: number): string {
  const date = new Date(seconds * 1000)
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString()
}

/**
 * Decodes a commit's fields identically for both backends: text is UTF-8 (or the commit's declared
 * encoding) with invalid bytes replaced, and a message stops at its first NUL byte, as git's
 * formatting does.
 */
export function toRawCommit(fields: RawCommitFields): RawCommit {
  const nul = fields.message.indexOf(0)
  const message = decodeLossy(nul === -1 ? fields.message : fields.message.subarray(0, nul), fields.encoding)
  const { subject, body } = splitMessage(message)
  return {
    sha: fields.sha,
    parents: fields.parents,
    author: {
      name: decodeLossy(fields.authorName, fields.encoding),
      email: decodeLossy(fields.authorEmail, fields.encoding),
    },
    authoredAt: isoDate(fields.authorTime),
    committedAt: isoDate(fields.committerTime),
    subject,
    body,
    files: fields.files,
    submoduleEntries: fields.submoduleEntries,
  }
}
