import {
  type Commit,
  type CommitStore,
  type CommitSummary,
  type GitHistory,
  type ListingStore,
  type RawCommit,
  resolveWindow,
  sha256,
  type TimeWindow,
} from '@gitlore/core'
import { createGitBackend, type GitBackend, type GitBackendKind } from './git-backend.js'
import { gitLogOrder } from './log-order.js'
import { type Mailmap, parseMailmap } from './mailmap.js'
import { missingObjectWarnings } from './missing-object-warnings.js'

/** Progress of `extractGitHistory`, reported as it goes. */
export interface HistoryProgress {
  /** `listing`: walking commits without diffs; `reading`: reading the diffs of commits not in the store. */
  readonly phase: 'listing' | 'reading'
  /** Commits done so far in this phase. */
  readonly done: number
  /** Commits this phase will do; absent while unknown. */
  readonly total?: number
}

/** Options of `extractGitHistory`. */
export interface ExtractGitHistoryOptions {
  /** The repository's top-level directory or any directory inside it. */
  readonly dir: string
  /** Inclusive lower bound of author dates: ISO 8601 (a bare date is its start, UTC), or `90d`, `12w`, `1y`, `all`. */
  readonly since: string
  /** Inclusive upper bound of author dates: ISO 8601 (a bare date is its end, UTC); default now. */
  readonly until?: string | undefined
  /** The backend to read with, or its kind for `createGitBackend`; default `auto` (git CLI when on PATH). */
  readonly backend?: GitBackend | GitBackendKind | 'auto' | undefined
  /** Commits read before, by sha: only commits missing from it have their diffs read, then they are stored. */
  readonly commitStore?: CommitStore | undefined
  /** Listings made before, by HEAD: a re-run on the same HEAD skips walking the history. */
  readonly listingStore?: ListingStore | undefined
  /** Called as commits are listed and read. */
  readonly onProgress?: ((progress: HistoryProgress) => void) | undefined
  /** Stops the extraction (and any git process) when aborted. */
  readonly signal?: AbortSignal | undefined
}

/** Commits asked of or given to the store per call, so a SQL store stays within its parameter limits. */
const storeBatch = 500

function inWindow(window: TimeWindow): (commit: CommitSummary) => boolean {
  const since = Date.parse(window.since)
  const until = Date.parse(window.until)
  return (commit) => commit.authorTime * 1000 >= since && commit.authorTime * 1000 <= until
}

function withMailmap(raw: RawCommit, mailmap: Mailmap): Commit {
  const { submoduleEntries: _, filesUnknown: __, ...commit } = raw
  return { ...commit, author: mailmap.map(raw.author) }
}

function isComplete(commit: RawCommit): boolean {
  return commit.filesUnknown !== true && commit.files.every((file) => file.linesUnknown !== true)
}

/**
 * Keeps commits read under replace refs apart from the same shas read without them (or under
 * others): their content depends on the replacements, so the store's key does too.
 */
function replacedCommitStore(store: CommitStore, replaced: string): CommitStore {
  const key = (sha: string) => `${sha}${replaced}`
  return {
    async getCommits(shas) {
      const found = await store.getCommits(shas.map(key))
      const commits = new Map<string, RawCommit>()
      for (const sha of shas) {
        const commit = found.get(key(sha))
        if (commit !== undefined) commits.set(sha, { ...commit, sha })
      }
      return commits
    },
    putCommits: (commits) => store.putCommits(commits.map((commit) => ({ ...commit, sha: key(commit.sha) }))),
  }
}

async function knownCommits(store: CommitStore | undefined, shas: readonly string[]): Promise<Map<string, RawCommit>> {
  const known = new Map<string, RawCommit>()
  if (store === undefined) return known
  for (let start = 0; start < shas.length; start += storeBatch) {
    for (const [sha, commit] of await store.getCommits(shas.slice(start, start + storeBatch))) known.set(sha, commit)
  }
  return known
}

/** The window's commits picked from a listing, before any diff is read. */
export interface HistoryPlan {
  readonly repository: GitHistory['repository']
  readonly window: TimeWindow
  /** Shas of the window's commits in `git log` order (shallow boundary commits left out). */
  readonly shas: readonly string[]
  /** Shas of every commit reachable from HEAD (the analysed history), in no particular order. */
  readonly reachable: readonly string[]
  /** The `.mailmap` text that applies, or null. */
  readonly mailmap: string | null
  /** Shallow boundary commits reachable from HEAD (0 for a complete clone). */
  readonly shallowBoundary: number
  /** The replace refs in effect, as `RepositoryState.replacements` lists them: they change what commits say. */
  readonly replacements: readonly string[]
  /** Reads the planned commits (from the commit store where it has them) into a `GitHistory`. */
  read(): Promise<GitHistory>
  /** Reads some of the planned commits (from the commit store where it has them), in the order given. */
  readPart(shas: readonly string[]): Promise<HistoryPart>
}

/**
 * Lists the repository containing `dir` and picks the commits reachable from HEAD whose author date
 * is in [since, until], without reading any diff. With a `listingStore` (and the same HEAD and
 * shallow boundary as a run before) not even the listing walk runs again.
 */
export async function planGitHistory(options: ExtractGitHistoryOptions): Promise<HistoryPlan> {
  const { dir, commitStore, listingStore, onProgress, signal } = options
  signal?.throwIfAborted()
  const window = resolveWindow({ since: options.since, until: options.until })
  const backend =
    typeof options.backend === 'object' ? options.backend : createGitBackend({ dir, kind: options.backend ?? 'auto' })
  const state = await backend.readRepository({ signal })
  const head = state.info.head
  if (head === null) {
    return {
      repository: state.info,
      window,
      shas: [],
      reachable: [],
      mailmap: state.mailmap,
      shallowBoundary: 0,
      replacements: state.replacements,
      read: async () => emptyHistory(state.info, window),
      readPart: async () => ({ commits: [], skippedSubmoduleEntries: 0, missingObjectWarnings: [] }),
    }
  }
  // Replace refs change what a commit's parents (so the listing) and its content are.
  const replaced = state.replacements.length === 0 ? '' : `:${sha256(state.replacements.join('\n'))}`
  const scope = `${sha256([...state.shallowCommits].sort().join(','))}${replaced}`
  // Listings are stored in git log order, so a run on the same HEAD need not replay the walk.
  const listingKey = (tip: string) => `${tip}:${scope}:ordered`
  let listed = (await listingStore?.getListing(listingKey(head))) ?? null
  if (listed === null) {
    onProgress?.({ phase: 'listing', done: 0 })
    const { added, latest } = await listFromLatest(backend, listingStore, listingKey, `latest:${scope}`, head, signal)
    if (latest !== null && isChainOnto(added, latest[0]?.sha)) {
      // New commits in a line on top of the last listing: git's walk takes them, then walks on as before.
      listed = [...added, ...latest]
    } else {
      const found = latest === null ? added : [...added, ...latest]
      const bySha = new Map(found.map((commit) => [commit.sha, commit]))
      // In walk order; a listing built on an earlier one may hold commits HEAD no longer reaches (rewritten history).
      listed = gitLogOrder(head, found).map((sha) => bySha.get(sha) as CommitSummary)
    }
    await listingStore?.putListing(listingKey(head), listed)
    // The latest listing, for the next run after HEAD moves: a pointer to it, its HEAD alone.
    await listingStore?.putListing(`latest:${scope}`, [listed[0] as CommitSummary])
  }
  onProgress?.({ phase: 'listing', done: listed.length, total: listed.length })
  const boundary = new Set(state.shallowCommits)
  const shallowBoundary = listed.filter((commit) => boundary.has(commit.sha)).length
  const keep = inWindow(window)
  const shas = listed.filter((commit) => !boundary.has(commit.sha) && keep(commit)).map((commit) => commit.sha)
  const plan: Omit<HistoryPlan, 'read' | 'readPart'> = {
    repository: state.info,
    window,
    shas,
    reachable: listed.map((commit) => commit.sha),
    mailmap: state.mailmap,
    shallowBoundary,
    replacements: state.replacements,
  }
  const store = commitStore === undefined || replaced === '' ? commitStore : replacedCommitStore(commitStore, replaced)
  const reading = { commitStore: store, onProgress, signal }
  return {
    ...plan,
    read: () => readPlannedHistory(plan, backend, reading),
    readPart: (part) => readPart(plan, part, backend, reading),
  }
}

/**
 * The commits reachable from `head`: those the listing made for the HEAD `latestKey` points at lacks
 * (`added`), with that listing (`latest`, in walk order); without one, or when git cannot list from
 * it, a whole listing in `added`. `latest` may hold commits `head` no longer reaches.
 */
async function listFromLatest(
  backend: GitBackend,
  store: ListingStore | undefined,
  listingKey: (head: string) => string,
  latestKey: string,
  head: string,
  signal: AbortSignal | undefined,
): Promise<{ added: readonly CommitSummary[]; latest: readonly CommitSummary[] | null }> {
  const known = (await store?.getListing(latestKey))?.[0]?.sha
  const latest = known === undefined ? null : ((await store?.getListing(listingKey(known))) ?? null)
  if (latest !== null && known !== undefined) {
    const added = await backend
      .listCommits({ signal, known: { head: known, commits: new Set(latest.map((commit) => commit.sha)) } })
      .catch((error: unknown) => {
        if (signal?.aborted) throw error
        return null
      })
    if (added !== null) return { added, latest }
  }
  return { added: await backend.listCommits({ signal }), latest: null }
}

/** Whether `commits` (HEAD first) are a line of single-parent commits ending on `base`. */
function isChainOnto(commits: readonly CommitSummary[], base: string | undefined): boolean {
  return commits.every((commit, index) => {
    const parent = index + 1 < commits.length ? (commits[index + 1] as CommitSummary).sha : base
    return commit.parents.length === 1 && commit.parents[0] === parent
  })
}

/**
 * Reads the history of the repository containing `dir`: the commits reachable from HEAD whose
 * author date is in [since, until] (merges included, without files), in `git log`'s default order
 * (newest committer date first, walking from HEAD), with `.mailmap` applied. A shallow clone's
 * boundary commits are left out (their diffs are unknown) with a warning; submodule entries are
 * skipped and counted. With a `commitStore`, only commits it does not hold are read, so a warm
 * re-run reads no diffs.
 */
export async function extractGitHistory(options: ExtractGitHistoryOptions): Promise<GitHistory> {
  return (await planGitHistory(options)).read()
}

function emptyHistory(repository: GitHistory['repository'], window: TimeWindow): GitHistory {
  return { repository, window, commits: [], warnings: [], shallow: false, skippedSubmoduleEntries: 0 }
}

/** Some of a plan's commits, read: what `HistoryPlan.readPart` gives. */
export interface HistoryPart {
  /** The commits asked for, in the order asked, with `.mailmap` applied. */
  readonly commits: readonly Commit[]
  /** Submodule (gitlink) entries skipped in them. */
  readonly skippedSubmoduleEntries: number
  /** What objects they lacked (see `missingObjectWarnings`); empty when none. */
  readonly missingObjectWarnings: readonly string[]
}

/** The warnings of a window's history: its shallow boundary, skipped submodule entries, missing objects. */
export function historyWarnings(history: {
  readonly shallowBoundary: number
  readonly skippedSubmoduleEntries: number
  readonly missingObjectWarnings: readonly string[]
}): string[] {
  const warnings: string[] = []
  if (history.shallowBoundary > 0) {
    warnings.push(
      `shallow clone: history stops at ${history.shallowBoundary} boundary commit(s); run \`git fetch --unshallow\` for the full history`,
    )
  }
  if (history.skippedSubmoduleEntries > 0) {
    warnings.push(
      `skipped ${history.skippedSubmoduleEntries} submodule (gitlink) entries: their contents are not analysed`,
    )
  }
  return [...warnings, ...history.missingObjectWarnings]
}

async function readPlannedHistory(
  plan: Omit<HistoryPlan, 'read' | 'readPart'>,
  backend: GitBackend,
  options: Pick<ExtractGitHistoryOptions, 'commitStore' | 'onProgress' | 'signal'>,
): Promise<GitHistory> {
  const part = await readPart(plan, plan.shas, backend, options)
  const missingObjects = part.missingObjectWarnings
  return {
    repository: plan.repository,
    window: plan.window,
    commits: part.commits,
    warnings: historyWarnings({ ...part, shallowBoundary: plan.shallowBoundary }),
    shallow: plan.shallowBoundary > 0,
    skippedSubmoduleEntries: part.skippedSubmoduleEntries,
    ...(missingObjects.length > 0 ? { incomplete: true } : {}),
  }
}

async function readPart(
  plan: Pick<HistoryPlan, 'mailmap'>,
  shas: readonly string[],
  backend: GitBackend,
  { commitStore, onProgress, signal }: Pick<ExtractGitHistoryOptions, 'commitStore' | 'onProgress' | 'signal'>,
): Promise<HistoryPart> {
  const commits = await knownCommits(commitStore, shas)
  const missing = shas.filter((sha) => !commits.has(sha))
  let unsaved: RawCommit[] = []
  let done = 0
  onProgress?.({ phase: 'reading', done, total: missing.length })
  for await (const commit of backend.readCommits(missing, { signal })) {
    commits.set(commit.sha, commit)
    // A commit read without some of its objects is read again next time, in case they were fetched.
    if (isComplete(commit)) unsaved.push(commit)
    done++
    if (unsaved.length >= storeBatch) {
      await commitStore?.putCommits(unsaved)
      unsaved = []
    }
    if (done % 100 === 0 || done === missing.length) onProgress?.({ phase: 'reading', done, total: missing.length })
  }
  if (unsaved.length > 0) await commitStore?.putCommits(unsaved)

  const mailmap = parseMailmap(plan.mailmap ?? '')
  const raw = shas.map((sha) => commits.get(sha) as RawCommit)
  return {
    commits: raw.map((commit) => withMailmap(commit, mailmap)),
    skippedSubmoduleEntries: raw.reduce((sum, commit) => sum + commit.submoduleEntries, 0),
    missingObjectWarnings: missingObjectWarnings(raw),
  }
}
