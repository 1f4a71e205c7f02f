/**
 * Distinct lines ("classes", as git's xdiff calls them) of two file versions, found by hashing
 * each line's bytes (FNV-1a, checked byte for byte) into an open-addressing table: no string or
 * map entry is made per line. A line is its bytes with its newline, so a last line without one
 * differs from the same text with one, as in git.
 */
export class LineClasses {
  /** Open addressing: slot -> class + 1 (0 = empty); `hashes` holds the class's hash. */
  private slots = new Int32Array(1024)
  private hashes: Int32Array = new Int32Array(256)
  private starts: Int32Array = new Int32Array(256)
  private lengths: Int32Array = new Int32Array(256)
  private readonly buffers: Uint8Array[] = []

  /** Number of classes so far. */
  get size(): number {
    return this.buffers.length
  }

  /** The class of every line of `content[start, end)`, adding classes for lines not seen before. */
  classify(content: Buffer, start: number, end: number): Int32Array {
    return this.scan(content, start, end, true)
  }

  /** Adds to `counts[class]` for each line of `content[start, end)` that is one of the classes. */
  count(content: Buffer, start: number, end: number, counts: Int32Array): void {
    if (this.size <= 16) {
      // Few classes: let the native substring search scan for each instead of hashing every line.
      for (let id = 0; id < this.size; id++)
        counts[id] = (counts[id] as number) + this.occurrences(id, content, start, end)
      return
    }
    for (const id of this.scan(content, start, end, false)) if (id !== -1) counts[id] = (counts[id] as number) + 1
  }

  /** The class of each line (-1 for a line of no class when `add` is off), hashing as it finds line ends. */
  private scan(content: Buffer, start: number, end: number, add: boolean): Int32Array {
    const bytes = view(content)
    let classes: Int32Array = new Int32Array(64)
    let count = 0
    let hash = offsetBasis
    let lineStart = start
    for (let index = start; index < end; index++) {
      const byte = bytes[index] as number
      hash = Math.imul(hash ^ byte, prime)
      if (byte === 10 || index === end - 1) {
        if (count === classes.length) classes = grow(classes)
        classes[count++] = this.lookup(bytes, lineStart, index + 1, hash, add)
        hash = offsetBasis
        lineStart = index + 1
      }
    }
    return classes.subarray(0, count)
  }

  /** The class of `content[start, end)`, added when `add` is set, else -1 when it is none. */
  private lookup(content: Uint8Array, start: number, end: number, hash: number, add: boolean): number {
    const length = end - start
    const mask = this.slots.length - 1
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] as number
      if (entry === 0) {
        if (!add) return -1
        const id = this.insert(content, start, length, hash)
        this.slots[slot] = id + 1
        if (this.size * 2 > this.slots.length) this.rehash()
        return id
      }
      const id = entry - 1
      if (
        this.hashes[id] === hash &&
        this.lengths[id] === length &&
        sameBytes(this.buffers[id] as Uint8Array, this.starts[id] as number, content, start, length)
      ) {
        return id
      }
    }
  }

  private insert(content: Uint8Array, start: number, length: number, hash: number): number {
    const id = this.buffers.length
    if (id === this.hashes.length) {
      this.hashes = grow(this.hashes)
      this.starts = grow(this.starts)
      this.lengths = grow(this.lengths)
    }
    this.buffers.push(content)
    this.hashes[id] = hash
    this.starts[id] = start
    this.lengths[id] = length
    return id
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2)
    const mask = slots.length - 1
    for (let id = 0; id < this.size; id++) {
      let slot = (this.hashes[id] as number) & mask
      while (slots[slot] !== 0) slot = (slot + 1) & mask
      slots[slot] = id + 1
    }
    this.slots = slots
  }

  /** Whole-line occurrences of class `id` in `content[start, end)`. */
  private occurrences(id: number, content: Buffer, start: number, end: number): number {
    const from = this.starts[id] as number
    const source = this.buffers[id] as Uint8Array
    const needle = Buffer.from(source.buffer, source.byteOffset + from, this.lengths[id] as number)
    const terminated = needle[needle.length - 1] === 10
    let count = 0
    for (let at = content.indexOf(needle, start); at !== -1 && at + needle.length <= end; ) {
      const startsLine = at === start || content[at - 1] === 10
      if (startsLine && (terminated || at + needle.length === end)) count++
      at = content.indexOf(needle, at + 1)
    }
    return count
  }
}

const offsetBasis = 0x811c9dc5 | 0
const prime = 0x01000193

/** A plain `Uint8Array` over a buffer's bytes: hot loops then see one array type, whatever made the buffer. */
function view(content: Buffer): Uint8Array {
  return new Uint8Array(content.buffer, content.byteOffset, content.length)
}

function grow(array: Int32Array): Int32Array {
  const grown = new Int32Array(array.length * 2)
  grown.set(array)
  return grown
}

/** Whether `length` bytes at `at` in `a` equal those at `bt` in `b`. */
function sameBytes(a: Uint8Array, at: number, b: Uint8Array, bt: number, length: number): boolean {
  for (let index = 0; index < length; index++) if (a[at + index] !== b[bt + index]) return false
  return true
}
