import type { FixAfter, FixExample } from '@gitlore/core'
import { compareText } from './compare-text.js'
import type { HistoryTally } from './history-tally.js'

/** Subjects of fix commits. */
export const fixSubjectPattern = /\b(fix|fixes|fixed|hotfix|bug)\b/i

const dayMilliseconds = 86_400_000
/** Fixes named per path, newest first. */
const examplesPerPath = 3

interface CountedFix extends FixExample {
  readonly time: number
  readonly seq: number
}

/** How fix-after is counted. */
export interface FixAfterOptions {
  /** Days before a fix in which another touch makes it a quick fix. */
  readonly windowDays: number
  /** Count fix commits that are automation (bot or release) too; the touch before may be anything either way. */
  readonly includeAutomation: boolean
}

/**
 * Paths by the number of fix commits (automation left out unless included) touching them for which another commit touched the same path
 * at an author time in [fix time - `windowDays` days, fix time): half-open, so a commit at the
 * fix's own instant does not count. Each path names its newest fixes (ties: log order) with the
 * change each followed: the latest touch in that range (ties: the first in log order). Sorted by
 * fixes desc, path asc; paths without fixes are left out.
 */
export function computeFixAfter(tally: HistoryTally, options: FixAfterOptions): FixAfter[] {
  const window = options.windowDays * dayMilliseconds
  const fixes = new Map<string, CountedFix[]>()
  for (const { seq, time, counted: human, paths } of tally.fixes) {
    if (!human && !options.includeAutomation) continue
    for (const path of paths) {
      // Time ascending; at one instant the first in log order (largest seq) comes last: "the latest before".
      const touches = tally.touches.get(path) ?? []
      // The fix itself sits at `time`, outside the half-open window.
      const before = firstAtOrAfter(touches, time) - 2
      if (before < 0 || (touches[before] as number) < time - window) continue
      const counted = {
        fix: tally.shas[seq] as string,
        before: tally.shas[touches[before + 1] as number] as string,
        time,
        seq,
      }
      const found = fixes.get(path)
      if (found === undefined) fixes.set(path, [counted])
      else found.push(counted)
    }
  }
  return [...fixes]
    .map(
      ([path, counted]): FixAfter => ({
        path,
        fixes: counted.length,
        examples: [...counted]
          .sort((x, y) => y.time - x.time || y.seq - x.seq)
          .slice(0, examplesPerPath)
          .map(({ fix, before }) => ({ fix, before })),
      }),
    )
    .sort((x, y) => y.fixes - x.fixes || compareText(x.path, y.path))
}

/** Index of the first touch at or after `bound` in flat, time-ascending [time, seq, ...] (`touches.length` when none). */
function firstAtOrAfter(touches: readonly number[], bound: number): number {
  let low = 0
  let high = touches.length / 2
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((touches[middle * 2] as number) < bound) low = middle + 1
    else high = middle
  }
  return low * 2
}
