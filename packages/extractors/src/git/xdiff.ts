// A port of the comparison step of git's xdiff (xdiff/xdiffi.c): Myers' divide and conquer over
// the prepared lines, with git's heuristics that stop expensive comparisons at a good-enough split.
// Together with xdiff-prepare.ts it decides which lines change exactly as `git diff --numstat` does.

import { bogoSqrt, prepareRecords, type RecordInput, type Side } from './xdiff-prepare.js'

const maxCostMin = 256 // XDL_MAX_COST_MIN
const heuristicMinCost = 256 // XDL_HEUR_MIN_COST
const snakeCount = 20 // XDL_SNAKE_CNT
const heuristicFactor = 4 // XDL_K_HEUR
const lineMax = 0x7fffffff

interface Split {
  i1: number
  i2: number
  minLow: boolean
  minHigh: boolean
}

interface Box {
  readonly off1: number
  readonly lim1: number
  readonly off2: number
  readonly lim2: number
  readonly needMin: boolean
}

/**
 * Which lines of each version change, counted: `changed1` lines of the first are removed and
 * `changed2` lines of the second are added. Lines are compared by class (their exact bytes).
 */
export function xdiffChanges(
  first: RecordInput,
  second: RecordInput,
  shared: Int32Array,
): { changed1: number; changed2: number } {
  const { side1, side2, hashes1, hashes2 } = prepareRecords(first, second, shared)
  compareRecords(hashes1, hashes2, side1, side2)
  return { changed1: side1.changed, changed2: side2.changed }
}

/** git's `xdl_recs_cmp`, with an explicit stack instead of recursion. */
function compareRecords(hashes1: Int32Array, hashes2: Int32Array, side1: Side, side2: Side): void {
  const diagonals = hashes1.length + hashes2.length + 3
  const forward = new Int32Array(diagonals + 1)
  const backward = new Int32Array(diagonals + 1)
  const origin = hashes2.length + 1
  const env = { maxCost: Math.max(bogoSqrt(diagonals), maxCostMin), forward, backward, origin }
  const split: Split = { i1: 0, i2: 0, minLow: false, minHigh: false }
  const stack: Box[] = [{ off1: 0, lim1: hashes1.length, off2: 0, lim2: hashes2.length, needMin: false }]
  for (let box = stack.pop(); box !== undefined; box = stack.pop()) {
    let { off1, lim1, off2, lim2 } = box
    while (off1 < lim1 && off2 < lim2 && hashes1[off1] === hashes2[off2]) {
      off1++
      off2++
    }
    while (off1 < lim1 && off2 < lim2 && hashes1[lim1 - 1] === hashes2[lim2 - 1]) {
      lim1--
      lim2--
    }
    if (off1 === lim1) side2.changed += lim2 - off2
    else if (off2 === lim2) side1.changed += lim1 - off1
    else {
      splitBox(hashes1, off1, lim1, hashes2, off2, lim2, box.needMin, env, split)
      stack.push({ off1: split.i1, lim1, off2: split.i2, lim2, needMin: split.minHigh })
      stack.push({ off1, lim1: split.i1, off2, lim2: split.i2, needMin: split.minLow })
    }
  }
}

interface SplitEnv {
  readonly maxCost: number
  readonly forward: Int32Array
  readonly backward: Int32Array
  /** Index of diagonal 0 in `forward` and `backward`. */
  readonly origin: number
}

/**
 * git's `xdl_split`: finds where the forward and backward Myers paths meet in the box, or, once the
 * edit cost passes git's limits, a good-enough split point chosen by git's heuristics.
 */
function splitBox(
  hashes1: Int32Array,
  off1: number,
  lim1: number,
  hashes2: Int32Array,
  off2: number,
  lim2: number,
  needMin: boolean,
  env: SplitEnv,
  out: Split,
): void {
  const { forward: kf, backward: kb, origin: o } = env
  const dmin = off1 - lim2
  const dmax = lim1 - off2
  const fmid = off1 - off2
  const bmid = lim1 - lim2
  const odd = ((fmid - bmid) & 1) !== 0
  let fmin = fmid
  let fmax = fmid
  let bmin = bmid
  let bmax = bmid
  const found = (i1: number, i2: number, minLow: boolean, minHigh: boolean): void => {
    out.i1 = i1
    out.i2 = i2
    out.minLow = minLow
    out.minHigh = minHigh
  }
  kf[o + fmid] = off1
  kb[o + bmid] = lim1
  for (let cost = 1; ; cost++) {
    let gotSnake = false
    if (fmin > dmin) kf[o + --fmin - 1] = -1
    else ++fmin
    if (fmax < dmax) kf[o + ++fmax + 1] = -1
    else --fmax
    for (let d = fmax; d >= fmin; d -= 2) {
      const low = kf[o + d - 1] as number
      const high = kf[o + d + 1] as number
      let i1 = low >= high ? low + 1 : high
      const previous = i1
      let i2 = i1 - d
      while (i1 < lim1 && i2 < lim2 && hashes1[i1] === hashes2[i2]) {
        i1++
        i2++
      }
      if (i1 - previous > snakeCount) gotSnake = true
      kf[o + d] = i1
      if (odd && bmin <= d && d <= bmax && (kb[o + d] as number) <= i1) {
        found(i1, i2, true, true)
        return
      }
    }
    if (bmin > dmin) kb[o + --bmin - 1] = lineMax
    else ++bmin
    if (bmax < dmax) kb[o + ++bmax + 1] = lineMax
    else --bmax
    for (let d = bmax; d >= bmin; d -= 2) {
      const low = kb[o + d - 1] as number
      const high = kb[o + d + 1] as number
      let i1 = low < high ? low : high - 1
      const previous = i1
      let i2 = i1 - d
      while (i1 > off1 && i2 > off2 && hashes1[i1 - 1] === hashes2[i2 - 1]) {
        i1--
        i2--
      }
      if (previous - i1 > snakeCount) gotSnake = true
      kb[o + d] = i1
      if (!odd && fmin <= d && d <= fmax && i1 <= (kf[o + d] as number)) {
        found(i1, i2, true, true)
        return
      }
    }
    if (needMin) continue

    if (gotSnake && cost > heuristicMinCost) {
      let best = 0
      for (let d = fmax; d >= fmin; d -= 2) {
        const distance = d > fmid ? d - fmid : fmid - d
        const i1 = kf[o + d] as number
        const i2 = i1 - d
        const value = i1 - off1 + (i2 - off2) - distance
        if (
          value > heuristicFactor * cost &&
          value > best &&
          off1 + snakeCount <= i1 &&
          i1 < lim1 &&
          off2 + snakeCount <= i2 &&
          i2 < lim2
        ) {
          for (let k = 1; hashes1[i1 - k] === hashes2[i2 - k]; k++) {
            if (k === snakeCount) {
              best = value
              found(i1, i2, true, false)
              break
            }
          }
        }
      }
      if (best > 0) return

      best = 0
      for (let d = bmax; d >= bmin; d -= 2) {
        const distance = d > bmid ? d - bmid : bmid - d
        const i1 = kb[o + d] as number
        const i2 = i1 - d
        const value = lim1 - i1 + (lim2 - i2) - distance
        if (
          value > heuristicFactor * cost &&
          value > best &&
          off1 < i1 &&
          i1 <= lim1 - snakeCount &&
          off2 < i2 &&
          i2 <= lim2 - snakeCount
        ) {
          for (let k = 0; hashes1[i1 + k] === hashes2[i2 + k]; k++) {
            if (k === snakeCount - 1) {
              best = value
              found(i1, i2, false, true)
              break
            }
          }
        }
      }
      if (best > 0) return
    }

    if (cost >= env.maxCost) {
      let fbest = -1
      let fbest1 = -1
      for (let d = fmax; d >= fmin; d -= 2) {
        let i1 = Math.min(kf[o + d] as number, lim1)
        let i2 = i1 - d
        if (lim2 < i2) {
          i1 = lim2 + d
          i2 = lim2
        }
        if (fbest < i1 + i2) {
          fbest = i1 + i2
          fbest1 = i1
        }
      }
      let bbest = lineMax
      let bbest1 = lineMax
      for (let d = bmax; d >= bmin; d -= 2) {
        let i1 = Math.max(off1, kb[o + d] as number)
        let i2 = i1 - d
        if (i2 < off2) {
          i1 = off2 + d
          i2 = off2
        }
        if (i1 + i2 < bbest) {
          bbest = i1 + i2
          bbest1 = i1
        }
      }
      if (lim1 + lim2 - bbest < fbest - (off1 + off2)) found(fbest1, fbest - fbest1, true, false)
      else found(bbest1, bbest - bbest1, false, true)
      return
    }
  }
}
