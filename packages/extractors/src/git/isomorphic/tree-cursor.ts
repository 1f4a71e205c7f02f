import { GitCommandError } from '@gitlore/core'

export const treeMode = 0o40000
export const gitlinkMode = 0o160000

/** git's `canon_mode`: the file modes git compares, whatever a tree object spells. */
function canonicalMode(mode: number): number {
  const type = mode & 0o170000
  if (type === 0o100000) return 0o100000 | (mode & 0o100 ? 0o755 : 0o644)
  if (type === 0o120000 || type === treeMode) return type
  return gitlinkMode
}

/**
 * Walks a tree object's raw bytes entry by entry without building objects: the current entry's
 * mode, name (as byte offsets) and id (as byte offsets), so unchanged entries of two trees can be
 * compared and skipped without allocating anything.
 */
export class TreeCursor {
  /** Canonical mode of the current entry. */
  mode = 0
  nameStart = 0
  nameEnd = 0
  /** Start of the current entry's 20-byte id. */
  idStart = 0
  private next = 0

  constructor(readonly tree: Buffer) {
    this.advance()
  }

  get done(): boolean {
    return this.idStart < 0
  }

  get isTree(): boolean {
    return this.mode === treeMode
  }

  /** Moves to the next entry (or past the end). */
  advance(): void {
    const tree = this.tree
    const start = this.next
    if (start >= tree.length) {
      this.idStart = -1
      return
    }
    let mode = 0
    let at = start
    for (; at < tree.length && tree[at] !== 0x20; at++) mode = mode * 8 + ((tree[at] as number) - 0x30)
    const nul = tree.indexOf(0, at + 1)
    if (at >= tree.length || nul === -1 || nul + 21 > tree.length) throw new GitCommandError('corrupt tree object')
    this.mode = canonicalMode(mode)
    this.nameStart = at + 1
    this.nameEnd = nul
    this.idStart = nul + 1
    this.next = nul + 21
  }

  /** The current entry's id as hex. */
  id(): string {
    return this.tree.toString('hex', this.idStart, this.idStart + 20)
  }

  /** The current entry's name bytes. */
  name(): Buffer {
    return this.tree.subarray(this.nameStart, this.nameEnd)
  }

  /** Whether the current entries of both cursors have the same id and mode (an unchanged entry). */
  sameAs(other: TreeCursor): boolean {
    return (
      this.mode === other.mode &&
      this.tree.compare(other.tree, other.idStart, other.idStart + 20, this.idStart, this.idStart + 20) === 0
    )
  }

  /**
   * git's tree order between the current entries: names compared as bytes, a tree's name as if it
   * ended in `/` (so a file and a directory of the same name are different entries).
   */
  compare(other: TreeCursor): number {
    const a = this.tree
    const b = other.tree
    const lengthA = this.nameEnd - this.nameStart
    const lengthB = other.nameEnd - other.nameStart
    const common = Math.min(lengthA, lengthB)
    const order = a.compare(b, other.nameStart, other.nameStart + common, this.nameStart, this.nameStart + common)
    if (order !== 0) return order
    const nextA = lengthA > common ? (a[this.nameStart + common] as number) : this.isTree ? 0x2f : 0
    const nextB = lengthB > common ? (b[other.nameStart + common] as number) : other.isTree ? 0x2f : 0
    return nextA - nextB
  }
}

/** The id and mode of the entry called `name` in a tree, or null. */
export function findTreeEntry(tree: Buffer, name: string): { id: string; mode: number } | null {
  const wanted = Buffer.from(name, 'utf8')
  for (const cursor = new TreeCursor(tree); !cursor.done; cursor.advance()) {
    if (cursor.name().equals(wanted)) return { id: cursor.id(), mode: cursor.mode }
  }
  return null
}
