import type { FileChange, FileStatus } from '@gitlore/core'
import { fileLineCounts } from '../line-changes.js'
import { MissingObjectError } from '../missing-object-error.js'
import { gitlinkMode, type ObjectReader, type TreeEntry, treeMode } from './object-reader.js'

/**
 * A commit's changes as `git log --numstat --no-renames` reports them, minus submodule entries. A
 * file whose blob is missing has `linesUnknown`; a missing tree throws `MissingObjectError`.
 */
export interface TreeChanges {
  readonly files: FileChange[]
  /** Submodule (gitlink) entries that changed and were left out of `files`. */
  submoduleEntries: number
}

const none: readonly TreeEntry[] = []

async function fileChange(
  reader: ObjectReader,
  path: string,
  before: TreeEntry | null,
  after: TreeEntry | null,
): Promise<FileChange> {
  const status: FileStatus = before === null ? 'added' : after === null ? 'deleted' : 'modified'
  let old: Buffer | null
  let now: Buffer | null
  try {
    old = before === null ? null : await reader.blob(before.oid)
    now = after === null ? null : await reader.blob(after.oid)
  } catch (error) {
    if (!MissingObjectError.isInstance(error)) throw error
    return { path, added: 0, removed: 0, status, binary: false, linesUnknown: true }
  }
  const { added, removed, binary } = fileLineCounts(old, now)
  return { path, added, removed, status, binary }
}

/**
 * Compares two trees the way git's tree diff walks them: entries merged in git's name order (a
 * tree sorts as if its name ended in `/`, so a file replaced by a directory is a deletion and
 * additions), unchanged subtrees skipped by oid, changed ones entered, every file reported in
 * the order `git log` prints it.
 */
export async function diffTrees(
  reader: ObjectReader,
  before: string | null,
  after: string | null,
): Promise<TreeChanges> {
  const changes: TreeChanges = { files: [], submoduleEntries: 0 }
  await walk(reader, before, after, '', changes)
  return changes
}

async function walk(
  reader: ObjectReader,
  before: string | null,
  after: string | null,
  prefix: string,
  changes: TreeChanges,
): Promise<void> {
  const left = before === null ? none : await reader.tree(before)
  const right = after === null ? none : await reader.tree(after)
  let i = 0
  let j = 0
  while (i < left.length || j < right.length) {
    const a = left[i]
    const b = right[j]
    const side = a === undefined ? 1 : b === undefined ? -1 : a.order < b.order ? -1 : a.order > b.order ? 1 : 0
    const oldEntry = side <= 0 ? (a as TreeEntry) : null
    const newEntry = side >= 0 ? (b as TreeEntry) : null
    if (side <= 0) i++
    if (side >= 0) j++
    if (oldEntry !== null && newEntry !== null && oldEntry.oid === newEntry.oid && oldEntry.mode === newEntry.mode) {
      continue
    }
    const entry = (newEntry ?? oldEntry) as TreeEntry
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`
    if (entry.mode === treeMode) {
      await walk(reader, oldEntry?.oid ?? null, newEntry?.oid ?? null, path, changes)
    } else if (oldEntry?.mode === gitlinkMode || newEntry?.mode === gitlinkMode) {
      changes.submoduleEntries++
    } else {
      changes.files.push(await fileChange(reader, path, oldEntry, newEntry))
    }
  }
}
