import { LineClasses } from './line-classes.js'
import { xdiffChanges } from './xdiff.js'

/** git's `buffer_is_binary`: a NUL byte in the first 8000 bytes. */
const firstFewBytes = 8000
/** git's default `core.bigFileThreshold`: blobs larger than this are treated as binary. */
const bigFileThreshold = 512 * 1024 * 1024

/** Whether git's diff treats `content` as binary (numstat prints `-`). */
export function isBinary(content: Uint8Array): boolean {
  return content.length > bigFileThreshold || content.subarray(0, firstFewBytes).indexOf(0) !== -1
}

/** Number of lines as git counts them: a last line without a newline still counts. */
export function countLines(content: Uint8Array, start = 0, end = content.length): number {
  let lines = 0
  let index = content.indexOf(10, start)
  while (index !== -1 && index < end) {
    lines++
    index = content.indexOf(10, index + 1)
  }
  return end > start && content[end - 1] !== 10 ? lines + 1 : lines
}

function asBuffer(content: Uint8Array): Buffer {
  return Buffer.isBuffer(content) ? content : Buffer.from(content.buffer, content.byteOffset, content.length)
}

/** Byte lengths of the longest common head and tail made of whole lines (git's `xdl_trim_ends`). */
function commonEnds(a: Buffer, b: Buffer): { head: number; tail: number } {
  const limit = Math.min(a.length, b.length)
  let head = 0
  const block = 256
  while (head + block <= limit && a.compare(b, head, head + block, head, head + block) === 0) head += block
  while (head < limit && a[head] === b[head]) head++
  if (head > 0) head = a.lastIndexOf(10, head - 1) + 1
  let tail = 0
  const maxTail = limit - head
  while (tail < maxTail && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
  while (tail > 0) {
    const start1 = a.length - tail
    const start2 = b.length - tail
    if ((start1 === head || a[start1 - 1] === 10) && (start2 === head || b[start2 - 1] === 10)) break
    const newline = a.indexOf(10, start1)
    tail = newline === -1 ? 0 : a.length - newline - 1
  }
  return { head, tail }
}

/**
 * Lines added and removed between two text versions of a file, as `git diff --numstat` counts
 * them: git's own Myers diff (xdiff) with its heuristics, lines compared byte for byte including
 * their newline, so a change to a last line without a newline counts as git counts it.
 */
export function countLineChanges(before: Uint8Array, after: Uint8Array): { added: number; removed: number } {
  if (before.length === 0) return { added: countLines(after), removed: 0 }
  if (after.length === 0) return { added: 0, removed: countLines(before) }
  const a = asBuffer(before)
  const b = asBuffer(after)
  const { head, tail } = commonEnds(a, b)
  if (head === a.length && head === b.length) return { added: 0, removed: 0 }
  const tailStart = a.length - tail
  const classes = new LineClasses()
  const first = { classes: classes.classify(a, head, tailStart), total: countLines(a) }
  const second = { classes: classes.classify(b, head, b.length - tail), total: countLines(b) }
  const shared = new Int32Array(classes.size)
  classes.count(a, 0, head, shared)
  classes.count(a, tailStart, a.length, shared)
  const { changed1, changed2 } = xdiffChanges(first, second, shared)
  return { added: changed2, removed: changed1 }
}

/** One file's line counts as `git log --numstat` gives them. */
export interface FileLineCounts {
  readonly added: number
  readonly removed: number
  readonly binary: boolean
}

/**
 * Line counts of one file change: `before` is null for an added file, `after` for a deleted one.
 * `binary` is git's decision from a `diff` attribute when there is one (the git CLI backend reads
 * attributes); otherwise the content decides, as git's `buffer_is_binary` does.
 */
export function fileLineCounts(
  before: Uint8Array | null,
  after: Uint8Array | null,
  binary: boolean | null = null,
): FileLineCounts {
  const isBinaryChange = binary ?? ((before !== null && isBinary(before)) || (after !== null && isBinary(after)))
  if (isBinaryChange) return { added: 0, removed: 0, binary: true }
  if (before === null) return { added: after === null ? 0 : countLines(after), removed: 0, binary: false }
  if (after === null) return { added: 0, removed: countLines(before), binary: false }
  return { ...countLineChanges(before, after), binary: false }
}
