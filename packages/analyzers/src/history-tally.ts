import { type Commit, GitloreError, isMerge } from '@gitlore/core'
import { botNames, isBotAuthor, isReleaseSubject } from './automation.js'
import { commitMessage } from './commit-message.js'
import { compareText } from './compare-text.js'
import { conventionalSubjectPattern, prNumberSuffixPattern } from './conventions.js'
import { fixSubjectPattern } from './fix-after.js'
import { authorIdentity } from './identity.js'

/** The settings a tally is built with: changing them means a new tally, not a different finish. */
export interface TallyOptions {
  /** Commits touching more distinct files than this are left out of coupling; default 30. */
  readonly maxChangesetSize?: number | undefined
  /** Names, logins or emails of bots beyond gitlore's list (`[github] extra_bots`). */
  readonly extraBots?: readonly string[] | undefined
}

/** A commit's place in the tally: tallies grow oldest first, so a larger `seq` is earlier in `git log` order. */
export interface Stamp {
  /** Author time, milliseconds since the epoch. */
  readonly time: number
  readonly seq: number
  /** The author date as the commit gives it. */
  readonly authoredAt: string
}

/** What the statistics know of one raw identity (lower-cased email after `.mailmap`, before merging). */
export interface IdentityTally {
  readonly names: Set<string>
  commits: number
  bot: boolean
  /** The identity's latest commit (ties: the first in log order), with the author name on it. */
  latest: Stamp & { readonly name: string }
  readonly files: Set<string>
  /** Commits that are not automation (bot or release), and the latest of them. */
  counted: number
  countedLatest: Stamp | null
}

/** What the statistics know of one path. */
export interface PathTally {
  commits: number
  added: number
  removed: number
  unknownLineCounts: number
  /** Raw identity -> [commits, commits that are not automation]. */
  readonly authors: Map<string, [number, number]>
  /** The latest commit touching the path (ties: the first in log order). */
  last: Stamp
  /** The latest change of the path (ties: the first in log order): whether it deleted the file. */
  change: { readonly time: number; readonly seq: number; readonly deleted: boolean }
}

/** A commit touching files under a top-level directory. */
export interface DirectoryEvent {
  readonly seq: number
  readonly identity: string
  /** Not automation. */
  readonly counted: boolean
  /** The files under the directory it touches. */
  readonly paths: readonly string[]
}

/** A fix commit (subject matching `fixSubjectPattern`). */
export interface FixRecord {
  readonly seq: number
  readonly time: number
  /** Not automation (bot or release): only such fixes count unless automation is included. */
  readonly counted: boolean
  readonly paths: readonly string[]
}

/** A revert commit. */
export interface RevertRecord {
  readonly seq: number
  readonly subject: string
  /** The hex after `This reverts commit`, as written, or null. */
  readonly revertedSha: string | null
  readonly paths: readonly string[]
}

const revertedShaPattern = /This reverts commit ([0-9a-fA-F]+)/
const coAuthoredLinePattern = /^co-authored-by:/i

/**
 * Everything the history statistics need from a window's commits, accumulated commit by commit,
 * oldest first: per raw identity, per path, per top-level directory, coupling counts, fix and
 * revert records, subject habits. Identity merging, generated-file marking, automation and the
 * other choices made when the statistics are finished (`finishHistory`) are not applied here, so
 * a tally stays valid for any of them, and a commit added on top of a stored window updates it
 * instead of reading every commit again (`toJSON`, `HistoryTally.fromJSON`).
 */
export class HistoryTally {
  readonly maxChangesetSize: number
  readonly extraBots: readonly string[]
  private readonly bots: ReadonlySet<string>
  /** Non-merge commits by `seq`. */
  readonly shas: string[] = []
  /** Merge commits (they are counted and otherwise skipped). */
  readonly mergeShas: string[] = []
  unknownLineCounts = 0
  releaseCommits = 0
  automatedCommits = 0
  latestTime = Number.NEGATIVE_INFINITY
  readonly identities = new Map<string, IdentityTally>()
  readonly paths = new Map<string, PathTally>()
  readonly directories = new Map<string, DirectoryEvent[]>()
  /** Per path: commits within the changeset-size limit touching it. */
  readonly revisions = new Map<string, number>()
  /** a -> b -> commits within the limit touching both (a before b by `compareText`). */
  readonly pairs = new Map<string, Map<string, number>>()
  /**
   * Per path: every commit touching it, as flat [time, seq, time, seq, ...] (cheap to store and
   * load), ordered by time, then seq (so at one instant the first in log order comes last).
   */
  readonly touches = new Map<string, number[]>()
  readonly fixes: FixRecord[] = []
  readonly reverts: RevertRecord[] = []
  readonly conventions = {
    conventional: 0,
    prefixes: new Map<string, number>(),
    prNumberSuffix: 0,
    coAuthored: 0,
    /** Subject length in code points -> subjects. */
    lengths: new Map<number, number>(),
    /** The newest commit following each convention (ties: the first in log order), to cite as an example. */
    examples: { conventional: null, prNumberSuffix: null, coAuthored: null } as Record<
      'conventional' | 'prNumberSuffix' | 'coAuthored',
      { time: number; seq: number } | null
    >,
  }

  constructor(options: TallyOptions = {}) {
    this.maxChangesetSize = options.maxChangesetSize ?? 30
    this.extraBots = [...(options.extraBots ?? [])]
    this.bots = botNames(this.extraBots)
  }

  /** A tally of a window's commits, given in `git log` order (newest first). */
  static of(commits: readonly Commit[], options: TallyOptions = {}): HistoryTally {
    const tally = new HistoryTally(options)
    tally.addOldestFirst([...commits].reverse())
    return tally
  }

  /** Number of non-merge commits. */
  get commits(): number {
    return this.shas.length
  }

  get merges(): number {
    return this.mergeShas.length
  }

  /** Every commit added, merges included. */
  get windowShas(): string[] {
    return [...this.shas, ...this.mergeShas]
  }

  /** Adds commits that come before every commit already added in `git log` order, given oldest first. */
  addOldestFirst(commits: readonly Commit[]): void {
    for (const commit of commits) this.add(commit)
  }

  private add(commit: Commit): void {
    if (isMerge(commit)) {
      this.mergeShas.push(commit.sha)
      return
    }
    const time = Date.parse(commit.authoredAt)
    if (Number.isNaN(time)) {
      throw new GitloreError({
        code: 'invalid_commit',
        message: `commit ${commit.sha} has an author date that is not ISO 8601: ${JSON.stringify(commit.authoredAt)}`,
      })
    }
    const seq = this.shas.length
    this.shas.push(commit.sha)
    const stamp: Stamp = { time, seq, authoredAt: commit.authoredAt }
    const bot = isBotAuthor(commit.author, this.bots)
    const release = !bot && isReleaseSubject(commit.subject)
    const counted = !bot && !release
    const identity = authorIdentity(commit.author)
    const paths = [...new Set(commit.files.map((file) => file.path))]
    if (release) this.releaseCommits++
    if (!counted) this.automatedCommits++
    if (time > this.latestTime) this.latestTime = time
    this.addIdentity(identity, commit.author.name, stamp, bot, counted, paths)
    this.addPaths(commit, identity, stamp, counted, paths)
    this.addDirectories(seq, identity, counted, paths)
    this.addCoupling(paths)
    const message = commitMessage(commit)
    if (fixSubjectPattern.test(commit.subject)) this.fixes.push({ seq, time, counted, paths })
    if (commit.subject.startsWith('Revert "') || message.includes('This reverts commit')) {
      this.reverts.push({
        seq,
        subject: commit.subject,
        revertedSha: revertedShaPattern.exec(message)?.[1] ?? null,
        paths,
      })
    }
    this.addSubject(commit.subject, message, stamp)
  }

  private addIdentity(identity: string, name: string, stamp: Stamp, bot: boolean, counted: boolean, paths: string[]) {
    let tally = this.identities.get(identity)
    if (tally === undefined) {
      tally = {
        names: new Set(),
        commits: 0,
        bot: false,
        latest: { ...stamp, name },
        files: new Set(),
        counted: 0,
        countedLatest: null,
      }
      this.identities.set(identity, tally)
    }
    tally.names.add(name)
    tally.commits++
    tally.bot ||= bot
    // Oldest first, so at one instant the later one added (the first in log order) wins.
    if (stamp.time >= tally.latest.time) tally.latest = { ...stamp, name }
    for (const path of paths) tally.files.add(path)
    if (counted) {
      tally.counted++
      if (tally.countedLatest === null || stamp.time >= tally.countedLatest.time) tally.countedLatest = stamp
    }
  }

  private addPaths(commit: Commit, identity: string, stamp: Stamp, counted: boolean, paths: string[]) {
    for (const path of paths) {
      let tally = this.paths.get(path)
      if (tally === undefined) {
        tally = {
          commits: 0,
          added: 0,
          removed: 0,
          unknownLineCounts: 0,
          authors: new Map(),
          last: stamp,
          change: { time: stamp.time, seq: stamp.seq, deleted: false },
        }
        this.paths.set(path, tally)
      }
      tally.commits++
      if (stamp.time >= tally.last.time) tally.last = stamp
      const author = tally.authors.get(identity)
      if (author === undefined) tally.authors.set(identity, [1, counted ? 1 : 0])
      else {
        author[0]++
        if (counted) author[1]++
      }
      const touches = this.touches.get(path)
      if (touches === undefined) this.touches.set(path, [stamp.time, stamp.seq])
      else insertTouch(touches, stamp.time, stamp.seq)
    }
    const changed = new Set<string>()
    for (const file of commit.files) {
      const tally = this.paths.get(file.path) as PathTally
      tally.added += file.added
      tally.removed += file.removed
      if (file.linesUnknown === true) {
        tally.unknownLineCounts++
        this.unknownLineCounts++
      }
      if (changed.has(file.path)) continue
      changed.add(file.path)
      if (stamp.time >= tally.change.time || tally.change.seq === stamp.seq) {
        tally.change = { time: stamp.time, seq: stamp.seq, deleted: file.status === 'deleted' }
      }
    }
  }

  private addDirectories(seq: number, identity: string, counted: boolean, paths: string[]) {
    const byDirectory = new Map<string, string[]>()
    for (const path of paths) {
      const slash = path.indexOf('/')
      if (slash === -1) continue
      const directory = path.slice(0, slash + 1)
      const files = byDirectory.get(directory)
      if (files === undefined) byDirectory.set(directory, [path])
      else files.push(path)
    }
    for (const [directory, files] of byDirectory) {
      const event: DirectoryEvent = { seq, identity, counted, paths: files }
      const events = this.directories.get(directory)
      if (events === undefined) this.directories.set(directory, [event])
      else events.push(event)
    }
  }

  private addCoupling(paths: string[]) {
    if (paths.length > this.maxChangesetSize) return
    const sorted = [...paths].sort(compareText)
    for (let first = 0; first < sorted.length; first++) {
      const a = sorted[first] as string
      this.revisions.set(a, (this.revisions.get(a) ?? 0) + 1)
      if (first === sorted.length - 1) break
      let partners = this.pairs.get(a)
      if (partners === undefined) this.pairs.set(a, (partners = new Map()))
      for (let second = first + 1; second < sorted.length; second++) {
        const b = sorted[second] as string
        partners.set(b, (partners.get(b) ?? 0) + 1)
      }
    }
  }

  private addSubject(subject: string, message: string, stamp: Stamp) {
    const conventions = this.conventions
    const example = (key: keyof typeof conventions.examples) => {
      const known = conventions.examples[key]
      // Oldest first, so at one instant the later one added (the first in log order) wins.
      if (known === null || stamp.time >= known.time) conventions.examples[key] = { time: stamp.time, seq: stamp.seq }
    }
    const type = conventionalSubjectPattern.exec(subject)?.[1]?.toLowerCase()
    if (type !== undefined) {
      conventions.conventional++
      conventions.prefixes.set(type, (conventions.prefixes.get(type) ?? 0) + 1)
      example('conventional')
    }
    if (prNumberSuffixPattern.test(subject)) {
      conventions.prNumberSuffix++
      example('prNumberSuffix')
    }
    if (message.split('\n').some((line) => coAuthoredLinePattern.test(line))) {
      conventions.coAuthored++
      example('coAuthored')
    }
    const length = [...subject].length
    conventions.lengths.set(length, (conventions.lengths.get(length) ?? 0) + 1)
  }
}

/** Inserts a touch in (time, seq) order; `seq` is the largest yet, so it goes after touches at its instant. */
function insertTouch(touches: number[], time: number, seq: number): void {
  let at = touches.length
  while (at > 0 && (touches[at - 2] as number) > time) at -= 2
  if (at === touches.length) touches.push(time, seq)
  else touches.splice(at, 0, time, seq)
}
