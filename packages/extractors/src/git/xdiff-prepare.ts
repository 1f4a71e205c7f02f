// The preparation step of git's xdiff (xdiff/xprepare.c): lines become classes, the common head
// and tail are trimmed, and lines the other side cannot match are set aside as changed. Lines with
// many matches inside runs of unmatched lines are set aside too, which is why git's counts are not
// always those of a minimal diff.

const maxEqualityLimit = 1024 // XDL_MAX_EQLIMIT
const scanWindow = 100 // XDL_SIMSCAN_WINDOW
const keepDiscardRun = 4 // XDL_KPDIS_RUN

const discard = 0
const keep = 1
const investigate = 2

/** git's `xdl_bogosqrt`: a power of two near the square root. */
export function bogoSqrt(n: number): number {
  let root = 1
  for (let rest = n; rest > 0; rest = Math.floor(rest / 4)) root *= 2
  return root
}

/** git's `xdl_clean_mmatch`: whether a line with many matches sits in a run of discardable lines. */
function cleanMultiMatch(actions: Uint8Array, index: number, start: number, end: number): boolean {
  const low = index - start > scanWindow ? index - scanWindow : start
  const high = end - index > scanWindow ? index + scanWindow : end
  let discardedBefore = 0
  let multiBefore = 1
  for (let offset = 1; index - offset >= low; offset++) {
    const action = actions[index - offset]
    if (action === discard) discardedBefore++
    else if (action === investigate) multiBefore++
    else break
  }
  if (discardedBefore === 0) return false
  let discardedAfter = 0
  let multiAfter = 1
  for (let offset = 1; index + offset <= high; offset++) {
    const action = actions[index + offset]
    if (action === discard) discardedAfter++
    else if (action === investigate) multiAfter++
    else break
  }
  if (discardedAfter === 0) return false
  const discarded = discardedAfter + discardedBefore
  const multi = multiAfter + multiBefore
  return multi * keepDiscardRun < multi + discarded
}

export interface Side {
  /** Number of lines in the whole file, common head and tail included. */
  readonly total: number
  /** Class (distinct line) of every line between the common head and tail. */
  readonly classes: Int32Array
  /** Lines marked changed so far. */
  changed: number
}

/** git's `xdl_cleanup_records` for one side: set aside lines the other side cannot match. */
function cleanup(side: Side, otherCounts: Int32Array, start: number, end: number): Int32Array {
  const limit = Math.min(bogoSqrt(side.total), maxEqualityLimit)
  const classes = side.classes
  const actions = new Uint8Array(classes.length)
  for (let index = start; index <= end; index++) {
    const matches = otherCounts[classes[index] as number] as number
    actions[index] = matches === 0 ? discard : matches >= limit ? investigate : keep
  }
  const kept = new Int32Array(Math.max(0, end - start + 1))
  let count = 0
  for (let index = start; index <= end; index++) {
    const action = actions[index]
    if (action === keep || (action === investigate && !cleanMultiMatch(actions, index, start, end))) {
      kept[count++] = classes[index] as number
    } else side.changed++
  }
  return kept.subarray(0, count)
}

/** Prepared sides: each side's lines to compare (as classes) and the lines already known to change. */
export interface PreparedRecords {
  readonly side1: Side
  readonly side2: Side
  readonly hashes1: Int32Array
  readonly hashes2: Int32Array
}

/** One version of a file, without the lines it shares with the other at its head and tail. */
export interface RecordInput {
  /** The class (distinct line, see `LineClasses`) of each line between the common head and tail. */
  readonly classes: Int32Array
  /** Number of lines in the whole file. */
  readonly total: number
}

/**
 * git's `xdl_prepare_env` for the Myers algorithm: trim the ends, clean up. git counts a line's
 * matches over the whole other file, so `shared` (per class, its occurrences in the common head and
 * tail, which both versions share) counts too.
 */
export function prepareRecords(first: RecordInput, second: RecordInput, shared: Int32Array): PreparedRecords {
  const side1: Side = { total: first.total, classes: first.classes, changed: 0 }
  const side2: Side = { total: second.total, classes: second.classes, changed: 0 }
  const counts1 = Int32Array.from(shared)
  const counts2 = Int32Array.from(shared)
  for (const id of side1.classes) counts1[id] = (counts1[id] as number) + 1
  for (const id of side2.classes) counts2[id] = (counts2[id] as number) + 1

  // xdl_trim_ends
  const n1 = side1.classes.length
  const n2 = side2.classes.length
  let start = 0
  let limit = Math.min(n1, n2)
  while (start < limit && side1.classes[start] === side2.classes[start]) start++
  let tail = 0
  limit -= start
  while (tail < limit && side1.classes[n1 - 1 - tail] === side2.classes[n2 - 1 - tail]) tail++

  const hashes1 = cleanup(side1, counts2, start, n1 - tail - 1)
  const hashes2 = cleanup(side2, counts1, start, n2 - tail - 1)
  return { side1, side2, hashes1, hashes2 }
}
