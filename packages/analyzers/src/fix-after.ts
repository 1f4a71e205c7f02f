import type { FixAfter, FixExample } from '@gitlore/core'
import { compareText } from './compare-text.js'
import type { PreparedCommit } from './prepare-commits.js'

/** Subjects of fix commits. */
export const fixSubjectPattern = /\b(fix|fixes|fixed|hotfix|bug)\b/i

const dayMilliseconds = 86_400_000
/** Fixes named per path, newest first. */
const examplesPerPath = 3

interface Touch {
  readonly time: number
  /** Position in the input (log order). */
  readonly order: number
  readonly sha: string
}

interface CountedFix extends FixExample {
  readonly time: number
  readonly order: number
}

/**
 * Paths by the number of fix commits touching them for which another commit touched the same path
 * at an author time in [fix time - `windowDays` days, fix time): half-open, so a commit at the
 * fix's own instant does not count. Each path names its newest fixes (ties: log order) with the
 * change each followed: the latest touch in that range (ties: the first in log order). Sorted by
 * fixes desc, path asc; paths without fixes are left out.
 */
export function computeFixAfter(commits: readonly PreparedCommit[], windowDays: number): FixAfter[] {
  const touches = new Map<string, Touch[]>()
  commits.forEach(({ commit, time, paths }, order) => {
    for (const path of paths) {
      const list = touches.get(path)
      if (list === undefined) touches.set(path, [{ time, order, sha: commit.sha }])
      else list.push({ time, order, sha: commit.sha })
    }
  })
  // Time ascending; at one instant the first in log order comes last, so it is "the latest before".
  for (const list of touches.values()) list.sort((x, y) => x.time - y.time || y.order - x.order)
  const window = windowDays * dayMilliseconds
  const fixes = new Map<string, CountedFix[]>()
  commits.forEach(({ commit, time, paths }, order) => {
    if (!fixSubjectPattern.test(commit.subject)) return
    for (const path of paths) {
      const list = touches.get(path) as Touch[]
      // The fix itself sits at `time`, outside the half-open window.
      const before = list[firstAtOrAfter(list, time) - 1]
      if (before === undefined || before.time < time - window) continue
      const counted = { fix: commit.sha, before: before.sha, time, order }
      const found = fixes.get(path)
      if (found === undefined) fixes.set(path, [counted])
      else found.push(counted)
    }
  })
  return [...fixes]
    .map(
      ([path, counted]): FixAfter => ({
        path,
        fixes: counted.length,
        examples: [...counted]
          .sort((x, y) => y.time - x.time || x.order - y.order)
          .slice(0, examplesPerPath)
          .map(({ fix, before }) => ({ fix, before })),
      }),
    )
    .sort((x, y) => y.fixes - x.fixes || compareText(x.path, y.path))
}

/** Index of the first touch at or after `bound` in time-ascending `touches` (`touches.length` when none). */
function firstAtOrAfter(touches: readonly Touch[], bound: number): number {
  let low = 0
  let high = touches.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((touches[middle] as Touch).time < bound) low = middle + 1
    else high = middle
  }
  return low
}
