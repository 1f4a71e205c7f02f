import type { ConventionExamples } from '@gitlore/core'
import type { HistoryTally } from './history-tally.js'

/**
 * The newest commit of a tallied window following each commit-message convention, and the newest
 * commit of all (full shas), for citing a convention with an example.
 */
export function conventionExamples(tally: HistoryTally): ConventionExamples {
  const sha = (stamp: { readonly seq: number } | null) => (stamp === null ? undefined : tally.shas[stamp.seq])
  let latest: { time: number; seq: number } | null = null
  for (const identity of tally.identities.values()) {
    const stamp = identity.latest
    if (latest === null || stamp.time > latest.time || (stamp.time === latest.time && stamp.seq > latest.seq)) {
      latest = stamp
    }
  }
  const { examples } = tally.conventions
  const found: Record<string, string | undefined> = {
    conventional: sha(examples.conventional),
    prNumberSuffix: sha(examples.prNumberSuffix),
    coAuthored: sha(examples.coAuthored),
    latest: sha(latest),
  }
  return Object.fromEntries(Object.entries(found).filter(([, value]) => value !== undefined))
}

/** Author dates (ISO 8601, UTC) of those commits of the tallied window; commits outside it are absent. */
export function commitDates(tally: HistoryTally, shas: Iterable<string>): Map<string, string> {
  const wanted = new Map<number, string>()
  const seqOf = new Map(tally.shas.map((sha, seq) => [sha, seq]))
  for (const sha of shas) {
    const seq = seqOf.get(sha)
    if (seq !== undefined) wanted.set(seq, sha)
  }
  const dates = new Map<string, string>()
  // Every commit touching a file has its time in that file's touches (flat [time, seq] pairs).
  for (const touches of tally.touches.values()) {
    for (let at = 0; at < touches.length && dates.size < wanted.size; at += 2) {
      const sha = wanted.get(touches[at + 1] as number)
      if (sha !== undefined && !dates.has(sha)) dates.set(sha, new Date(touches[at] as number).toISOString())
    }
  }
  return dates
}
