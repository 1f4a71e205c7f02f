import type { HistoryStats } from '@gitlore/core'
import { git } from '@gitlore/fixtures'
import type { TestWindow } from './commits-from-git.test-helper.js'

/**
 * A deliberately naive, independent reading of ARCHITECTURE.md's "Repository context" definitions,
 * straight from `git log --numstat --no-renames -z` output: the oracle the analyzers are checked
 * against. Slow by design (quadratic scans everywhere); keep it unlike the implementation.
 */

interface OracleOptions extends TestWindow {
  readonly maxChangesetSize: number
  readonly minSharedCommits: number
  readonly fixWindowDays: number
  readonly top: number
}

interface LogEntry {
  readonly sha: string
  readonly parentCount: number
  readonly seconds: number
  readonly who: string
  readonly name: string
  readonly message: string
  readonly numstat: { path: string; plus: number; minus: number }[]
}

async function readLog(dir: string, window: TestWindow): Promise<LogEntry[]> {
  const raw = await git(dir, [
    'log',
    '--numstat',
    '--no-renames',
    '-z',
    '--format=%x1e%P%x1f%H%x1f%at%x1f%aE%x1f%aN%x1f%B%x1f',
    'HEAD',
  ])
  const entries: LogEntry[] = []
  for (const chunk of raw.split('\x1e')) {
    if (chunk === '') continue
    const end = chunk.lastIndexOf('\x1f')
    const [parents, sha, seconds, email, name, message] = chunk.slice(0, end).split('\x1f') as string[]
    const numstat = chunk
      .slice(end + 1)
      .split('\0')
      .map((line) => /^\n?([-\d]+)\t([-\d]+)\t([\s\S]*)$/.exec(line))
      .filter((match) => match !== null)
      .map((match) => ({
        path: match[3] as string,
        plus: match[1] === '-' ? 0 : Number.parseInt(match[1] as string, 10),
        minus: match[2] === '-' ? 0 : Number.parseInt(match[2] as string, 10),
      }))
    entries.push({
      sha: sha as string,
      parentCount: (parents as string).split(' ').filter(Boolean).length,
      seconds: Number(seconds),
      who: (email as string).toLowerCase(),
      name: name as string,
      message: message as string,
      numstat,
    })
  }
  const low = window.since === undefined ? -Infinity : Date.parse(window.since) / 1000
  const high = window.until === undefined ? Infinity : Date.parse(window.until) / 1000
  return entries.filter((entry) => entry.seconds >= low && entry.seconds <= high)
}

/** Sorts by a list of keys: numbers (compared as numbers) or strings (compared by code units). */
function sortByKeys<T>(items: T[], keys: (item: T) => (number | string)[]): T[] {
  return items.sort((left, right) => {
    const leftKeys = keys(left)
    const rightKeys = keys(right)
    for (let index = 0; index < leftKeys.length; index++) {
      const l = leftKeys[index] as number | string
      const r = rightKeys[index] as number | string
      if (l < r) return -1
      if (l > r) return 1
    }
    return 0
  })
}

const round4 = (value: number) => Math.round(value * 10000) / 10000
const distinct = <T>(values: T[]) => Array.from(new Set(values))
const subjectOf = (entry: LogEntry) => entry.message.split('\n')[0] as string

/** The expected statistics of the repository at `dir` in the window, computed the slow, obvious way. */
export async function expectedStats(dir: string, options: OracleOptions): Promise<HistoryStats> {
  const all = await readLog(dir, options)
  const log = all.filter((entry) => entry.parentCount <= 1)
  const limit = Math.max(options.top, 20)
  const touches = (entry: LogEntry, path: string) => entry.numstat.some((file) => file.path === path)
  const allPaths = distinct(log.flatMap((entry) => entry.numstat.map((file) => file.path)))

  const hotspots = sortByKeys(
    allPaths.map((path) => {
      const touching = log.filter((entry) => touches(entry, path))
      const lines = touching.flatMap((entry) => entry.numstat.filter((file) => file.path === path))
      const added = lines.reduce((total, file) => total + file.plus, 0)
      const removed = lines.reduce((total, file) => total + file.minus, 0)
      const newest = Math.max(...touching.map((entry) => entry.seconds))
      return {
        path,
        commits: touching.length,
        added,
        removed,
        churn: added + removed,
        authors: distinct(touching.map((entry) => entry.who)).length,
        lastChanged: new Date(newest * 1000).toISOString(),
      }
    }),
    (hotspot) => [-hotspot.commits, -hotspot.churn, hotspot.path],
  )

  const small = log.filter((entry) => entry.numstat.length <= options.maxChangesetSize)
  const candidates = new Set<string>()
  for (const entry of small) {
    for (const x of entry.numstat) {
      for (const y of entry.numstat) if (x.path < y.path) candidates.add(JSON.stringify([x.path, y.path]))
    }
  }
  const revs = (path: string) => small.filter((entry) => touches(entry, path)).length
  const coupling = sortByKeys(
    [...candidates]
      .map((key) => JSON.parse(key) as [string, string])
      .map(([a, b]) => {
        const shared = small.filter((entry) => touches(entry, a) && touches(entry, b)).length
        return { a, b, shared, degree: round4(shared / ((revs(a) + revs(b)) / 2)) }
      })
      .filter((pair) => pair.shared >= options.minSharedCommits),
    (pair) => [-pair.shared, -pair.degree, pair.a, pair.b],
  )

  const hubs = sortByKeys(
    distinct(coupling.flatMap((pair) => [pair.a, pair.b])).map((path) => ({
      path,
      partners: coupling.filter((pair) => pair.a === path || pair.b === path).length,
    })),
    (hub) => [-hub.partners, hub.path],
  )

  const reverts = log
    .filter((entry) => subjectOf(entry).startsWith('Revert "') || entry.message.includes('This reverts commit'))
    .map((entry) => {
      const at = entry.message.indexOf('This reverts commit ')
      const hex = at === -1 ? '' : (/^[0-9a-f]*/i.exec(entry.message.slice(at + 20))?.[0] ?? '')
      return {
        sha: entry.sha,
        subject: subjectOf(entry),
        revertedSha: hex === '' ? null : hex,
        files: entry.numstat.map((file) => file.path),
      }
    })

  const windowSeconds = options.fixWindowDays * 24 * 60 * 60
  const fixCounts: Record<string, number> = {}
  for (const fix of log.filter((entry) => /\b(fix|fixes|fixed|hotfix|bug)\b/i.test(subjectOf(entry)))) {
    for (const { path } of fix.numstat) {
      const before = log.some(
        (other) =>
          other !== fix &&
          touches(other, path) &&
          other.seconds >= fix.seconds - windowSeconds &&
          other.seconds < fix.seconds,
      )
      if (before) fixCounts[path] = (fixCounts[path] ?? 0) + 1
    }
  }
  const fixAfter = sortByKeys(
    Object.entries(fixCounts).map(([path, fixes]) => ({ path, fixes })),
    (item) => [-item.fixes, item.path],
  )

  const subjects = log.map(subjectOf)
  const conventionalTypes = subjects
    .map((subject) => /^(feat|fix|chore|docs|refactor|test|perf|ci|build|style|revert)(\([^)]*\))?!?:/i.exec(subject))
    .filter((match) => match !== null)
    .map((match) => (match[1] as string).toLowerCase())
  const prefixes: Record<string, number> = {}
  for (const type of conventionalTypes) prefixes[type] = (prefixes[type] ?? 0) + 1
  const lengths = subjects.map((subject) => Array.from(subject).length).sort((x, y) => x - y)
  const half = Math.floor(lengths.length / 2)
  const median =
    lengths.length === 0
      ? 0
      : lengths.length % 2 === 1
        ? (lengths[half] as number)
        : ((lengths[half - 1] as number) + (lengths[half] as number)) / 2
  const ratio = (count: number) => (log.length === 0 ? 0 : round4(count / log.length))
  const conventions = {
    conventionalShare: ratio(conventionalTypes.length),
    prefixes,
    prNumberSuffixShare: ratio(subjects.filter((subject) => /\(#\d+\)\s*$/.test(subject)).length),
    medianSubjectLength: median,
    coAuthoredShare: ratio(
      log.filter((entry) => entry.message.split('\n').some((line) => line.toLowerCase().startsWith('co-authored-by:')))
        .length,
    ),
  }

  const ownershipOf = (path: string, touching: LogEntry[]) => {
    const authors = sortByKeys(
      distinct(touching.map((entry) => entry.who)).map((who) => ({
        who,
        count: touching.filter((entry) => entry.who === who).length,
      })),
      (author) => [-author.count, author.who],
    )
    let busFactor = 0
    while (authors.slice(0, busFactor).reduce((total, author) => total + author.count, 0) <= touching.length / 2) {
      busFactor++
    }
    const main = authors[0] as { who: string; count: number }
    return {
      path,
      mainAuthor: main.who,
      mainAuthorShare: round4(main.count / touching.length),
      authors: authors.length,
      busFactor,
    }
  }
  const directories = sortByKeys(
    distinct(allPaths.filter((path) => path.includes('/')).map((path) => `${path.split('/')[0]}/`)).map(
      (directory) => ({
        directory,
        touching: log.filter((entry) => entry.numstat.some((file) => file.path.startsWith(directory))),
      }),
    ),
    (item) => [-item.touching.length, item.directory],
  )
  const ownership = [
    ...hotspots.slice(0, 20).map((hotspot) =>
      ownershipOf(
        hotspot.path,
        log.filter((entry) => touches(entry, hotspot.path)),
      ),
    ),
    ...directories.map((item) => ownershipOf(item.directory, item.touching)),
  ]

  const people = sortByKeys(
    distinct(log.map((entry) => entry.who)).map((identity) => {
      const theirs = log.filter((entry) => entry.who === identity)
      const newest = Math.max(...theirs.map((entry) => entry.seconds))
      return {
        identity,
        name: (theirs.find((entry) => entry.seconds === newest) as LogEntry).name,
        commits: theirs.length,
        files: distinct(theirs.flatMap((entry) => entry.numstat.map((file) => file.path))).length,
      }
    }),
    (person) => [-person.commits, person.identity],
  )

  return {
    commits: {
      total: log.length,
      merges: all.length - log.length,
      authors: distinct(log.map((entry) => entry.who)).length,
    },
    hotspots: hotspots.slice(0, limit),
    coupling: coupling.slice(0, limit),
    hubs: hubs.slice(0, limit),
    reverts: reverts.slice(0, limit),
    fixAfter: fixAfter.slice(0, limit),
    conventions,
    ownership,
    people: people.slice(0, limit),
  }
}
