import { GitloreError } from '@gitlore/core'
import { HistoryTally, type IdentityTally, type PathTally, type Stamp } from './history-tally.js'

/** Version of the stored form of a tally; a stored tally of another version is not used. */
export const historyTallyVersion = 4

/** A stamp stored as [time, seq] or, when its author date is not the time's ISO form, [time, seq, authoredAt]. */
type StoredStamp = [number, number] | [number, number, string]

/** A tally as JSON: paths and identities become indexes into tables, records become arrays. */
export interface StoredTally {
  readonly version: number
  readonly maxChangesetSize: number
  readonly extraBots: readonly string[]
  readonly counters: readonly [unknown: number, releases: number, automated: number, latest: number]
  readonly shas: readonly string[]
  readonly mergeShas: readonly string[]
  readonly paths: readonly string[]
  readonly identities: readonly string[]
  /** Per identity: names, commits, bot (0/1), latest stamp, latest name, files (path indexes), counted, counted latest. */
  readonly identityTallies: readonly (readonly [
    readonly string[],
    number,
    number,
    StoredStamp,
    string,
    number[],
    number,
    StoredStamp | null,
  ])[]
  /** Per path: commits, added, removed, unknown, authors as flat [identity, all, counted]..., last stamp, change [time, seq, deleted]. */
  readonly pathTallies: readonly (readonly [
    number,
    number,
    number,
    number,
    number[],
    StoredStamp,
    [number, number, number],
  ])[]
  /** Per path: touches as flat [time, seq]... */
  readonly touches: readonly number[][]
  /** Directory -> events as [seq, identity, counted (0/1), path indexes]. */
  readonly directories: readonly (readonly [string, (readonly [number, number, number, number[]])[]])[]
  /** Flat [path, revisions]... and [a, b, shared]... */
  readonly revisions: readonly number[]
  readonly pairs: readonly number[]
  /** Fix commits as [seq, time, counted (0/1), path indexes]. */
  readonly fixes: readonly (readonly [number, number, number, number[]])[]
  readonly reverts: readonly (readonly [number, string, string | null, number[]])[]
  readonly conventions: readonly [
    number,
    [string, number][],
    number,
    number,
    [number, number][],
    /** The newest example of each convention: conventional, PR number suffix, co-authored; [time, seq] or null. */
    readonly ([number, number] | null)[],
  ]
}

function storeStamp(stamp: Stamp): StoredStamp {
  return isoDate(stamp.time) === stamp.authoredAt ? [stamp.time, stamp.seq] : [stamp.time, stamp.seq, stamp.authoredAt]
}

/** Author dates by time: many stamps share a commit's time, and making the ISO string is not free. */
const isoDates = new Map<number, string>()

function isoDate(time: number): string {
  let date = isoDates.get(time)
  if (date === undefined) {
    if (isoDates.size > 100_000) isoDates.clear()
    date = new Date(time).toISOString()
    isoDates.set(time, date)
  }
  return date
}

function loadStamp([time, seq, authoredAt]: StoredStamp): Stamp {
  return { time, seq, authoredAt: authoredAt ?? isoDate(time) }
}

/** The stored form of a tally (compact JSON: tables and arrays instead of keyed objects). */
export function storeTally(tally: HistoryTally): StoredTally {
  const paths = [...tally.paths.keys()]
  const pathIndex = new Map(paths.map((path, index) => [path, index]))
  const identities = [...tally.identities.keys()]
  const identityIndex = new Map(identities.map((identity, index) => [identity, index]))
  const indexOf = (path: string) => pathIndex.get(path) as number
  const identityTallies = [...tally.identities.values()].map(
    (entry) =>
      [
        [...entry.names],
        entry.commits,
        entry.bot ? 1 : 0,
        storeStamp(entry.latest),
        entry.latest.name,
        [...entry.files].map(indexOf),
        entry.counted,
        entry.countedLatest === null ? null : storeStamp(entry.countedLatest),
      ] as const,
  )
  const pathTallies = [...tally.paths.values()].map((entry) => {
    const authors: number[] = []
    for (const [identity, [all, counted]] of entry.authors)
      authors.push(identityIndex.get(identity) as number, all, counted)
    return [
      entry.commits,
      entry.added,
      entry.removed,
      entry.unknownLineCounts,
      authors,
      storeStamp(entry.last),
      [entry.change.time, entry.change.seq, entry.change.deleted ? 1 : 0] as [number, number, number],
    ] as const
  })
  const revisions: number[] = []
  for (const [path, count] of tally.revisions) revisions.push(indexOf(path), count)
  const pairs: number[] = []
  for (const [a, partners] of tally.pairs)
    for (const [b, shared] of partners) pairs.push(indexOf(a), indexOf(b), shared)
  const { conventional, prefixes, prNumberSuffix, coAuthored, lengths, examples } = tally.conventions
  const example = (stamp: { time: number; seq: number } | null): [number, number] | null =>
    stamp === null ? null : [stamp.time, stamp.seq]
  return {
    version: historyTallyVersion,
    maxChangesetSize: tally.maxChangesetSize,
    extraBots: tally.extraBots,
    counters: [tally.unknownLineCounts, tally.releaseCommits, tally.automatedCommits, tally.latestTime],
    shas: tally.shas,
    mergeShas: tally.mergeShas,
    paths,
    identities,
    identityTallies,
    pathTallies,
    touches: paths.map((path) => tally.touches.get(path) ?? []),
    directories: [...tally.directories].map(([directory, events]) => [
      directory,
      events.map(
        (event) =>
          [
            event.seq,
            identityIndex.get(event.identity) as number,
            event.counted ? 1 : 0,
            event.paths.map(indexOf),
          ] as const,
      ),
    ]),
    revisions,
    pairs,
    fixes: tally.fixes.map((fix) => [fix.seq, fix.time, fix.counted ? 1 : 0, fix.paths.map(indexOf)] as const),
    reverts: tally.reverts.map(
      (revert) => [revert.seq, revert.subject, revert.revertedSha, revert.paths.map(indexOf)] as const,
    ),
    conventions: [
      conventional,
      [...prefixes],
      prNumberSuffix,
      coAuthored,
      [...lengths],
      [example(examples.conventional), example(examples.prNumberSuffix), example(examples.coAuthored)],
    ],
  }
}

/** A tally from its stored form; null when it was stored by another version. */
export function loadTally(stored: unknown): HistoryTally | null {
  const data = stored as StoredTally
  if (typeof data !== 'object' || data === null || data.version !== historyTallyVersion) return null
  try {
    return rebuild(data)
  } catch (error) {
    throw new GitloreError({
      code: 'invalid_tally',
      message: `a stored history tally is damaged: ${(error as Error).message}`,
      cause: error,
    })
  }
}

function rebuild(data: StoredTally): HistoryTally {
  const tally = new HistoryTally({ maxChangesetSize: data.maxChangesetSize, extraBots: data.extraBots })
  const { paths, identities } = data
  const path = (index: number) => paths[index] as string
  tally.shas.push(...data.shas)
  tally.mergeShas.push(...data.mergeShas)
  ;[tally.unknownLineCounts, tally.releaseCommits, tally.automatedCommits, tally.latestTime] = data.counters
  data.identityTallies.forEach(([names, commits, bot, latest, name, files, counted, countedLatest], index) => {
    const entry: IdentityTally = {
      names: new Set(names),
      commits,
      bot: bot === 1,
      latest: { ...loadStamp(latest), name },
      files: new Set(files.map(path)),
      counted,
      countedLatest: countedLatest === null ? null : loadStamp(countedLatest),
    }
    tally.identities.set(identities[index] as string, entry)
  })
  data.pathTallies.forEach(([commits, added, removed, unknown, authors, last, [time, seq, deleted]], index) => {
    const entry: PathTally = {
      commits,
      added,
      removed,
      unknownLineCounts: unknown,
      authors: new Map(),
      last: loadStamp(last),
      change: { time, seq, deleted: deleted === 1 },
    }
    for (let at = 0; at < authors.length; at += 3) {
      entry.authors.set(identities[authors[at] as number] as string, [
        authors[at + 1] as number,
        authors[at + 2] as number,
      ])
    }
    tally.paths.set(path(index), entry)
    tally.touches.set(path(index), data.touches[index] ?? [])
  })
  for (const [directory, events] of data.directories) {
    tally.directories.set(
      directory,
      events.map(([seq, identity, counted, files]) => ({
        seq,
        identity: identities[identity] as string,
        counted: counted === 1,
        paths: files.map(path),
      })),
    )
  }
  for (let at = 0; at < data.revisions.length; at += 2) {
    tally.revisions.set(path(data.revisions[at] as number), data.revisions[at + 1] as number)
  }
  for (let at = 0; at < data.pairs.length; at += 3) {
    const a = path(data.pairs[at] as number)
    let partners = tally.pairs.get(a)
    if (partners === undefined) tally.pairs.set(a, (partners = new Map()))
    partners.set(path(data.pairs[at + 1] as number), data.pairs[at + 2] as number)
  }
  for (const [seq, time, counted, files] of data.fixes) {
    tally.fixes.push({ seq, time, counted: counted === 1, paths: files.map(path) })
  }
  for (const [seq, subject, revertedSha, files] of data.reverts) {
    tally.reverts.push({ seq, subject, revertedSha, paths: files.map(path) })
  }
  const [conventional, prefixes, prNumberSuffix, coAuthored, lengths, examples] = data.conventions
  Object.assign(tally.conventions, { conventional, prNumberSuffix, coAuthored })
  const example = (stored: [number, number] | null | undefined) =>
    stored === null || stored === undefined ? null : { time: stored[0], seq: stored[1] }
  tally.conventions.examples.conventional = example(examples[0])
  tally.conventions.examples.prNumberSuffix = example(examples[1])
  tally.conventions.examples.coAuthored = example(examples[2])
  for (const [type, count] of prefixes) tally.conventions.prefixes.set(type, count)
  for (const [length, count] of lengths) tally.conventions.lengths.set(length, count)
  return tally
}
