import type { FileChange, FileStatus } from '@gitlore/core'
import { decodeLossy } from '../decode.js'
import { fileLineCounts } from '../line-changes.js'
import { MissingObjectError } from '../missing-object-error.js'
import type { ObjectReader } from './object-reader.js'
import { gitlinkMode, TreeCursor } from './tree-cursor.js'

/**
 * A commit's changes as `git log --numstat --no-renames` reports them, minus submodule entries. A
 * file whose blob is missing has `linesUnknown`; a missing tree throws `MissingObjectError`.
 */
export interface TreeChanges {
  readonly files: FileChange[]
  /** Submodule (gitlink) entries that changed and were left out of `files`. */
  submoduleEntries: number
}

const emptyTree = Buffer.alloc(0)

function fileChange(reader: ObjectReader, path: string, before: string | null, after: string | null): FileChange {
  const status: FileStatus = before === null ? 'added' : after === null ? 'deleted' : 'modified'
  let old: Buffer | null
  let now: Buffer | null
  try {
    old = before === null ? null : reader.blob(before)
    now = after === null ? null : reader.blob(after)
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
 * additions), unchanged entries skipped by id on the raw tree bytes (nothing is allocated for
 * them), changed subtrees entered, every file reported in the order `git log` prints it.
 */
export function diffTrees(reader: ObjectReader, before: string | null, after: string | null): TreeChanges {
  const changes: TreeChanges = { files: [], submoduleEntries: 0 }
  walk(reader, before, after, '', changes)
  return changes
}

function entryPath(prefix: string, cursor: TreeCursor): string {
  const name = cursor.tree.toString('latin1', cursor.nameStart, cursor.nameEnd)
  let ascii = true
  for (let index = 0; index < name.length; index++) {
    if (name.charCodeAt(index) > 0x7f) {
      ascii = false
      break
    }
  }
  const decoded = ascii ? name : decodeLossy(cursor.name())
  return prefix === '' ? decoded : `${prefix}/${decoded}`
}

function walk(reader: ObjectReader, before: string | null, after: string | null, prefix: string, changes: TreeChanges) {
  const left = new TreeCursor(before === null ? emptyTree : reader.tree(before))
  const right = new TreeCursor(after === null ? emptyTree : reader.tree(after))
  while (!left.done || !right.done) {
    const side = left.done ? 1 : right.done ? -1 : left.compare(right)
    if (side === 0 && left.sameAs(right)) {
      left.advance()
      right.advance()
      continue
    }
    const old = side <= 0 ? left : null
    const now = side >= 0 ? right : null
    const entry = (now ?? old) as TreeCursor
    const path = entryPath(prefix, entry)
    const oldTree = old?.isTree === true ? old.id() : null
    const newTree = now?.isTree === true ? now.id() : null
    if (entry.isTree) {
      // Same name on both sides: a tree on one and a file on the other sort apart, so both are trees here.
      walk(reader, oldTree, newTree, path, changes)
    } else if (old?.mode === gitlinkMode || now?.mode === gitlinkMode) {
      changes.submoduleEntries++
    } else {
      changes.files.push(fileChange(reader, path, old?.id() ?? null, now?.id() ?? null))
    }
    if (old !== null) old.advance()
    if (now !== null) now.advance()
  }
}
