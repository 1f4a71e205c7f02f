import type { FixAfter } from '@gitlore/core'
import { compareText } from './compare-text.js'
import type { PreparedCommit } from './prepare-commits.js'

/** Subjects of fix commits. */
export const fixSubjectPattern = /\b(fix|fixes|fixed|hotfix|bug)\b/i

const dayMilliseconds = 86_400_000

/**
 * Paths by the number of fix commits touching them for which another commit touched the same path
 * at an author time in [fix time - `windowDays` days, fix time): half-open, so a commit at the
 * fix's own instant does not count. Sorted by fixes desc, path asc; paths without fixes are left out.
 */
export function computeFixAfter(commits: readonly PreparedCommit[], windowDays: number): FixAfter[] {
  const touchTimes = new Map<string, number[]>()
  for (const { time, paths } of commits) {
    for (const path of paths) {
      const times = touchTimes.get(path)
      if (times === undefined) touchTimes.set(path, [time])
      else times.push(time)
    }
  }
  for (const times of touchTimes.values()) times.sort((x, y) => x - y)
  const window = windowDays * dayMilliseconds
  const fixes = new Map<string, number>()
  for (const { commit, time, paths } of commits) {
    if (!fixSubjectPattern.test(commit.subject)) continue
    for (const path of paths) {
      const times = touchTimes.get(path) as number[]
      // The earliest touch at or after the window's start; it counts if it is before the fix.
      // The fix itself sits at `time`, outside the half-open window.
      const earliest = times[firstAtOrAfter(times, time - window)]
      if (earliest !== undefined && earliest < time) fixes.set(path, (fixes.get(path) ?? 0) + 1)
    }
  }
  return [...fixes]
    .map(([path, count]): FixAfter => ({ path, fixes: count }))
    .sort((x, y) => y.fixes - x.fixes || compareText(x.path, y.path))
}

/** Index of the first value >= `bound` in ascending `values` (`values.length` when none). */
function firstAtOrAfter(values: readonly number[], bound: number): number {
  let low = 0
  let high = values.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((values[middle] as number) < bound) low = middle + 1
    else high = middle
  }
  return low
}
