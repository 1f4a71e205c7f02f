import { ConfigError } from '../errors/config-error.js'
import type { TimeWindow } from '../model/history.js'

const dayMs = 86_400_000
const durationUnits: Readonly<Record<string, number>> = { d: dayMs, w: 7 * dayMs, y: 365 * dayMs }

export interface ResolveWindowOptions {
  /** `90d`, `12w`, `1y`, an ISO date or date-time, or `all`. */
  readonly since: string
  /** An ISO date or date-time; empty or undefined means `now`. */
  readonly until?: string | undefined
  /** The current time, injectable for tests. */
  readonly now?: Date
}

/**
 * Turns `since`/`until` settings into an inclusive window. A duration counts back from `until`.
 * A bare date means the start of that day (UTC) for `since` and its end for `until`. A duration
 * reaching back past 1970 starts the window at 1970, like `all`.
 */
export function resolveWindow({ since, until, now = new Date() }: ResolveWindowOptions): TimeWindow {
  const untilMs = until === undefined || until === '' ? now.getTime() : parseDate(until, 'analysis.until', 'end')
  const trimmed = since.trim()
  let sinceMs: number
  const duration = /^(\d+)\s*([dwy])$/i.exec(trimmed)
  if (trimmed.toLowerCase() === 'all') sinceMs = 0
  else if (duration) {
    // A duration longer than the history (99999999999d) means all of it, not a date JavaScript cannot hold.
    const length = Number(duration[1]) * (durationUnits[(duration[2] as string).toLowerCase()] as number)
    sinceMs = Math.max(0, untilMs - length)
  } else sinceMs = parseDate(trimmed, 'analysis.since', 'start')
  if (sinceMs > untilMs) {
    throw new ConfigError({
      keyPath: 'analysis.since',
      message: `the window is empty: since (${new Date(sinceMs).toISOString()}) is after until (${new Date(untilMs).toISOString()}): give an earlier --since (or [analysis] since), a later --until, or --since all`,
    })
  }
  return { since: new Date(sinceMs).toISOString(), until: new Date(untilMs).toISOString() }
}

function parseDate(value: string, keyPath: string, edge: 'start' | 'end'): number {
  const trimmed = value.trim()
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(trimmed)
  const ms = Date.parse(dateOnly ? `${trimmed}T00:00:00Z` : trimmed)
  if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}/.test(trimmed)) {
    throw new ConfigError({
      keyPath,
      message: `invalid value for "${keyPath}": "${value}" is neither a duration like 90d, 12w, 1y nor an ISO date like 2025-01-31`,
    })
  }
  return dateOnly && edge === 'end' ? ms + dayMs - 1 : ms
}
