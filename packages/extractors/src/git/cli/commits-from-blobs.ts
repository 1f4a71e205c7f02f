import type { FileChange, RawCommit } from '@gitlore/core'
import { decodeLossy } from '../decode.js'
import { fileLineCounts } from '../line-changes.js'
import { readBlobs } from './cat-file.js'
import { binaryByAttributes } from './diff-attributes.js'
import { commitOf, fileStatus, isSubmoduleEntry, type LogRecord, type RawEntry } from './log-parser.js'

/** Options of `commitsFromBlobs`. */
export interface CommitsFromBlobsOptions {
  readonly cwd: string
  /** Commits read with `--raw` (no line counts). */
  readonly records: readonly LogRecord[]
  /** Blobs known to be missing (a partial clone's, which git must not be asked for); null when unknown. */
  readonly missing: ReadonlySet<string> | null
  readonly signal?: AbortSignal | undefined
}

const absent = /^0+$/

/**
 * Counts the lines of commits read without `--numstat` from their blobs, the way the isomorphic
 * backend does (git's xdiff, ported), with git's binary decision from attributes: used for commits
 * whose diff needs a missing blob, which `git log --numstat` cannot read. A file whose blob is
 * missing gets `linesUnknown`; every other file gets the counts `git log --numstat` would print.
 */
export async function commitsFromBlobs(options: CommitsFromBlobsOptions): Promise<RawCommit[]> {
  const { records, missing } = options
  const side = (oid: string) => (absent.test(oid) ? null : oid)
  const knownMissing = (oid: string | null) => oid !== null && missing?.has(oid) === true
  const wanted: string[] = []
  const paths: Buffer[] = []
  for (const record of records) {
    for (const entry of record.raw) {
      if (isSubmoduleEntry(entry)) continue
      const before = side(entry.oldOid)
      const after = side(entry.newOid)
      if (knownMissing(before) || knownMissing(after)) continue
      if (before !== null) wanted.push(before)
      if (after !== null) wanted.push(after)
      paths.push(entry.path)
    }
  }
  const [blobs, binary] = await Promise.all([
    readBlobs({ cwd: options.cwd, oids: wanted, signal: options.signal }),
    binaryByAttributes({ cwd: options.cwd, paths, signal: options.signal }),
  ])
  const content = (oid: string | null): Buffer | null | undefined =>
    oid === null ? null : knownMissing(oid) ? undefined : (blobs.get(oid) ?? undefined)
  return records.map((record) => {
    const files: FileChange[] = []
    let submoduleEntries = 0
    for (const entry of record.raw) {
      if (isSubmoduleEntry(entry)) {
        submoduleEntries++
        continue
      }
      const before = content(side(entry.oldOid))
      const after = content(side(entry.newOid))
      files.push(
        before === undefined || after === undefined
          ? unknownLines(entry)
          : countedFile(entry, before, after, binary.get(entry.path.toString('latin1')) ?? null),
      )
    }
    return commitOf(record, files, submoduleEntries)
  })
}

function unknownLines(entry: RawEntry): FileChange {
  return {
    path: decodeLossy(entry.path),
    added: 0,
    removed: 0,
    status: fileStatus(entry),
    binary: false,
    linesUnknown: true,
  }
}

function countedFile(entry: RawEntry, before: Buffer | null, after: Buffer | null, binary: boolean | null): FileChange {
  const counts = fileLineCounts(before, after, binary)
  return {
    path: decodeLossy(entry.path),
    added: counts.added,
    removed: counts.removed,
    status: fileStatus(entry),
    binary: counts.binary,
  }
}
