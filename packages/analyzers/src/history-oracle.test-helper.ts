import type { HistoryStats } from '@gitlore/core'
import { git } from '@gitlore/fixtures'
import type { TestWindow } from './commits-from-git.test-helper.js'
import { oracleGenerated, oracleHead, oracleIsBot, oracleIsRelease, oracleMerges } from './team-oracle.test-helper.js'

/**
 * A deliberately naive, independent reading of ARCHITECTURE.md's "Repository context" definitions,
 * straight from `git log --numstat --no-renames -z` output: the oracle the analyzers are checked
 * against. Slow by design (quadratic scans everywhere); keep it unlike the implementation.
 */

export interface OracleOptions extends TestWindow {
  readonly maxChangesetSize: number
  readonly minSharedCommits: number
  readonly fixWindowDays: number
  readonly top: number
  readonly includeGenerated: boolean
  readonly includeAutomation: boolean
  readonly mergeIdentities: boolean
  readonly inactiveDays: number
  /** Whether the analyzers were given the tree at HEAD (and so the oracle reads it too). */
  readonly headFilesRead: boolean
  /** Whether the analyzers were given every sha reachable from HEAD. */
  readonly historyShasGiven: boolean
  readonly identityLogins?: ReadonlyMap<string, string>
}

interface LogEntry {
  readonly sha: string
  readonly parentCount: number
  readonly seconds: number
  /** Lower-cased email after .mailmap (and identity merging, once applied). */
  who: string
  readonly name: string
  readonly message: string
  readonly numstat: { path: string; plus: number; minus: number; deleted: boolean }[]
  /** Author date as the analyzers keep it. */
  readonly authoredAt: string
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
  const deletions = await git(dir, [
    'log',
    '--no-renames',
    '--diff-filter=D',
    '--name-only',
    '-z',
    '--format=%x1e%H',
    'HEAD',
  ])
  const deleted = new Set<string>()
  for (const chunk of deletions.split('\x1e')) {
    const [sha, ...paths] = chunk.split(/\n|\0/).filter(Boolean)
    for (const path of paths) deleted.add(`${sha} ${path}`)
  }
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
        deleted: deleted.has(`${sha} ${match[3]}`),
      }))
    entries.push({
      sha: sha as string,
      parentCount: (parents as string).split(' ').filter(Boolean).length,
      seconds: Number(seconds),
      who: (email as string).toLowerCase(),
      name: name as string,
      message: message as string,
      numstat,
      authoredAt: new Date(Number(seconds) * 1000).toISOString(),
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

const day = 24 * 60 * 60

/** The expected statistics of the repository at `dir` in the window, computed the slow, obvious way. */
export async function expectedStats(dir: string, options: OracleOptions): Promise<HistoryStats> {
  const all = await readLog(dir, options)
  const log = all.filter((entry) => entry.parentCount <= 1)
  const limit = Math.max(options.top, 20)
  const touches = (entry: LogEntry, path: string) => entry.numstat.some((file) => file.path === path)
  const allPaths = distinct(log.flatMap((entry) => entry.numstat.map((file) => file.path)))
  const isBot = (entry: LogEntry) => oracleIsBot({ email: entry.who, name: entry.name, subject: subjectOf(entry) })
  const isAutomation = (entry: LogEntry) => isBot(entry) || oracleIsRelease(subjectOf(entry))

  const merged = options.mergeIdentities
    ? oracleMerges(
        log.map((entry) => ({ who: entry.who, name: entry.name, bot: isBot(entry), seconds: entry.seconds })),
        options.identityLogins ?? new Map(),
      )
    : { canonical: new Map<string, string>(), merges: [] }
  for (const entry of log) entry.who = merged.canonical.get(entry.who) ?? entry.who

  const head = options.headFilesRead ? await oracleHead(dir) : null
  const generatedOf = new Map<string, string>()
  for (const path of allPaths) {
    const reason =
      head === null
        ? oracleGenerated(path, { paths: [], attributes: new Map(), contents: new Map() })
        : oracleGenerated(path, head)
    if (reason !== null) generatedOf.set(path, reason)
  }
  const leftOut = (path: string) => !options.includeGenerated && generatedOf.has(path)
  const counted = log.filter((entry) => options.includeAutomation || !isAutomation(entry))
  const atHead = (path: string): boolean => {
    if (path.endsWith('/')) {
      return head !== null
        ? head.paths.some((file) => file.startsWith(path))
        : allPaths.some((file) => file.startsWith(path) && atHead(file))
    }
    if (head !== null) return head.paths.includes(path)
    const newest = sortByKeys(
      log.filter((entry) => touches(entry, path)),
      (entry) => [-entry.seconds],
    )[0] as LogEntry
    return !(newest.numstat.find((file) => file.path === path) as { deleted: boolean }).deleted
  }

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

  const hubPairs = coupling.filter((pair) => !leftOut(pair.a) && !leftOut(pair.b))
  const hubs = sortByKeys(
    distinct(hubPairs.flatMap((pair) => [pair.a, pair.b])).map((path) => {
      const mine = hubPairs.filter((pair) => pair.a === path || pair.b === path)
      return {
        path,
        partners: mine.length,
        strongest: sortByKeys(
          mine.map((pair) => ({ path: pair.a === path ? pair.b : pair.a, shared: pair.shared, degree: pair.degree })),
          (partner) => [-partner.shared, -partner.degree, partner.path],
        ).slice(0, 5),
      }
    }),
    (hub) => [-hub.partners, hub.path],
  )

  const reachable = options.historyShasGiven
    ? (await git(dir, ['rev-list', 'HEAD'])).split('\n').filter(Boolean)
    : all.map((entry) => entry.sha)
  const reverts = log
    .filter((entry) => subjectOf(entry).startsWith('Revert "') || entry.message.includes('This reverts commit'))
    .map((entry) => {
      const at = entry.message.indexOf('This reverts commit ')
      const hex = at === -1 ? '' : (/^[0-9a-f]*/i.exec(entry.message.slice(at + 20))?.[0] ?? '')
      const matching = hex.length < 4 ? [] : reachable.filter((sha) => sha.startsWith(hex.toLowerCase()))
      const revertedCommit = matching.length === 1 ? (matching[0] as string) : null
      return {
        sha: entry.sha,
        subject: subjectOf(entry),
        revertedSha: hex === '' ? null : hex,
        revertedInHistory: revertedCommit !== null,
        revertedCommit,
        files: entry.numstat.map((file) => file.path),
      }
    })

  const windowSeconds = options.fixWindowDays * day
  const fixes: Record<string, { fix: LogEntry; before: LogEntry }[]> = {}
  const isFix = (entry: LogEntry) => /\b(fix|fixes|fixed|hotfix|bug)\b/i.test(subjectOf(entry))
  // A bot's or release fix is no quick fix unless automation is included; what it followed may be anything.
  for (const fix of log.filter((entry) => isFix(entry) && (options.includeAutomation || !isAutomation(entry)))) {
    for (const { path } of fix.numstat) {
      const earlier = log.filter(
        (other) =>
          other !== fix &&
          touches(other, path) &&
          other.seconds >= fix.seconds - windowSeconds &&
          other.seconds < fix.seconds,
      )
      if (earlier.length === 0) continue
      const latest = Math.max(...earlier.map((other) => other.seconds))
      const before = earlier.find((other) => other.seconds === latest) as LogEntry
      fixes[path] = [...(fixes[path] ?? []), { fix, before }]
    }
  }
  const fixAfter = sortByKeys(
    Object.entries(fixes).map(([path, found]) => ({
      path,
      fixes: found.length,
      examples: sortByKeys([...found], (item) => [-item.fix.seconds, log.indexOf(item.fix)])
        .slice(0, 3)
        .map((item) => ({ fix: item.fix.sha, before: item.before.sha })),
    })),
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
      commits: touching.length,
      mainAuthor: main.who,
      mainAuthorShare: round4(main.count / touching.length),
      authors: authors.length,
      busFactor,
    }
  }
  const directories = sortByKeys(
    distinct(allPaths.filter((path) => path.includes('/') && !leftOut(path)).map((path) => `${path.split('/')[0]}/`))
      .map((directory) => ({
        directory,
        touching: counted.filter((entry) =>
          entry.numstat.some((file) => file.path.startsWith(directory) && !leftOut(file.path)),
        ),
      }))
      .filter((item) => item.touching.length > 0),
    (item) => [-item.touching.length, item.directory],
  )
  const ownership = [
    ...hotspots
      .filter((hotspot) => !leftOut(hotspot.path) && counted.some((entry) => touches(entry, hotspot.path)))
      .slice(0, 20)
      .map((hotspot) =>
        ownershipOf(
          hotspot.path,
          counted.filter((entry) => touches(entry, hotspot.path)),
        ),
      ),
    ...directories.map((item) => ownershipOf(item.directory, item.touching)),
  ]

  const people = sortByKeys(
    distinct(log.map((entry) => entry.who)).map((identity) => {
      const theirs = log.filter((entry) => entry.who === identity)
      const newest = Math.max(...theirs.map((entry) => entry.seconds))
      const latest = theirs.find((entry) => entry.seconds === newest) as LogEntry
      return {
        identity,
        name: latest.name,
        commits: theirs.length,
        files: distinct(theirs.flatMap((entry) => entry.numstat.map((file) => file.path))).length,
        lastCommit: latest.authoredAt,
        ...(theirs.some(isBot) ? { automation: 'bot' as const } : {}),
      }
    }),
    (person) => [-person.commits, person.identity],
  )

  const asOf = options.until ?? new Date(Math.max(0, ...log.map((entry) => entry.seconds)) * 1000).toISOString()
  const cutoff = Date.parse(asOf) / 1000 - options.inactiveDays * day
  const lastOf = (who: string) =>
    Math.max(...counted.filter((entry) => entry.who === who).map((entry) => entry.seconds))
  const inactive = distinct(counted.map((entry) => entry.who)).filter((who) => lastOf(who) < cutoff)
  const lossPaths = sortByKeys(
    allPaths
      .filter((path) => atHead(path) && !leftOut(path) && counted.some((entry) => touches(entry, path)))
      .map((path) => {
        const touching = counted.filter((entry) => touches(entry, path))
        const owner = ownershipOf(path, touching)
        const latest = counted.find(
          (entry) => entry.who === owner.mainAuthor && entry.seconds === lastOf(owner.mainAuthor),
        )
        return {
          path,
          commits: owner.commits,
          mainAuthor: owner.mainAuthor,
          mainAuthorShare: owner.mainAuthorShare,
          mainAuthorLastCommit: (latest as LogEntry).authoredAt,
          inactiveShare: round4(touching.filter((entry) => inactive.includes(entry.who)).length / touching.length),
        }
      })
      .filter((entry) => inactive.includes(entry.mainAuthor)),
    (entry) => [-entry.commits, entry.path],
  )

  const lossAuthors = sortByKeys(
    distinct(lossPaths.map((entry) => entry.mainAuthor)).map((identity) => {
      const theirs = lossPaths.filter((entry) => entry.mainAuthor === identity)
      return {
        identity,
        lastCommit: (theirs[0] as { mainAuthorLastCommit: string }).mainAuthorLastCommit,
        files: theirs.length,
        commits: theirs.reduce((total, entry) => total + entry.commits, 0),
      }
    }),
    (author) => [-author.files, -author.commits, author.identity],
  )
  const lists = {
    hotspots: hotspots.slice(0, limit),
    coupling: coupling.slice(0, limit),
    hubs: hubs.slice(0, limit),
    fixAfter: fixAfter.slice(0, limit),
    lossPaths: lossPaths.slice(0, limit),
  }
  const named = distinct([
    ...lists.hotspots.map((hotspot) => hotspot.path),
    ...lists.coupling.flatMap((pair) => [pair.a, pair.b]),
    ...lists.hubs.flatMap((hub) => [hub.path, ...hub.strongest.map((partner) => partner.path)]),
    ...reverts.flatMap((revert) => revert.files),
    ...lists.fixAfter.map((entry) => entry.path),
    ...ownership.map((entry) => entry.path),
    ...lists.lossPaths.map((entry) => entry.path),
  ]).sort()
  const byReason: Record<string, number> = {}
  for (const reason of generatedOf.values()) byReason[reason] = (byReason[reason] ?? 0) + 1
  const bots = people.filter((person) => person.automation === 'bot')

  return {
    commits: {
      total: log.length,
      merges: all.length - log.length,
      authors: distinct(log.map((entry) => entry.who)).length,
    },
    hotspots: lists.hotspots,
    coupling: lists.coupling,
    hubs: lists.hubs,
    reverts,
    fixAfter: lists.fixAfter,
    conventions,
    ownership,
    people: people.slice(0, limit),
    files: named.map((path) => ({
      path,
      atHead: atHead(path),
      ...(generatedOf.has(path) ? { generated: generatedOf.get(path) } : {}),
    })) as HistoryStats['files'],
    generated: { files: generatedOf.size, byReason },
    automation: {
      bots: bots.map((person) => ({ identity: person.identity, name: person.name, commits: person.commits })),
      releaseCommits: log.filter((entry) => !isBot(entry) && oracleIsRelease(subjectOf(entry))).length,
      commits: log.filter(isAutomation).length,
    },
    identities: merged.merges as HistoryStats['identities'],
    knowledgeLoss: {
      inactiveDays: options.inactiveDays,
      asOf,
      inactiveAuthors: inactive.length,
      authors: lossAuthors.slice(0, limit),
      paths: lists.lossPaths,
    },
    totals: {
      hotspots: hotspots.length,
      coupling: coupling.length,
      hubs: hubs.length,
      fixAfter: fixAfter.length,
      people: people.length,
      knowledgeLoss: lossPaths.length,
    },
    settings: {
      maxChangesetSize: options.maxChangesetSize,
      minSharedCommits: options.minSharedCommits,
      fixWindowDays: options.fixWindowDays,
      top: options.top,
      includeGenerated: options.includeGenerated,
      includeAutomation: options.includeAutomation,
      mergeIdentities: options.mergeIdentities,
      inactiveDays: options.inactiveDays,
      headFilesRead: options.headFilesRead,
    },
  }
}
