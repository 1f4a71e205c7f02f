import type { DurationSummary } from '@gitlore/core'

const hour = 3_600_000

/** Hours from `start` to `end` (ISO 8601), never negative. */
export function hoursBetween(start: string, end: string): number {
  return Math.max(0, (Date.parse(end) - Date.parse(start)) / hour)
}

const round = (value: number) => Math.round(value * 100) / 100

/**
 * Median (the middle value, or the mean of the two middle ones) and 90th percentile (nearest rank:
 * the ceil(0.9 n)-th smallest) of durations in hours, rounded to 0.01 h; null when there are none.
 */
export function summarizeDurations(hours: readonly number[]): DurationSummary {
  if (hours.length === 0) return { median: null, p90: null, count: 0 }
  const sorted = [...hours].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
  const p90 = sorted[Math.ceil(0.9 * sorted.length) - 1] as number
  return { median: round(median), p90: round(p90), count: sorted.length }
}
