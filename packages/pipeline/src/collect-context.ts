import { join } from 'node:path'
import type { GitloreCache } from '@gitlore/cache'
import type {
  ConfigInput,
  DataSource,
  GitHistory,
  GitloreConfig,
  HeadFiles,
  HistoryStats,
  RepositoryContext,
  StageStatus,
  TimeWindow,
} from '@gitlore/core'
import {
  CacheError,
  ConfigError,
  GitloreError,
  itemStatus,
  resolveWindow,
  sha256,
  stableHash,
  UsageError,
  validateContext,
  writeConfinedFile,
} from '@gitlore/core'
import type { GitBackend } from '@gitlore/extractors'
import { type CiData, collectCi } from './collect-ci.js'
import { type CollectedReviews, collectReviews, type ReviewData } from './collect-reviews.js'
import { knowledgeHistoryReader } from './knowledge-history.js'
import { type OpenedCache, openCache } from './open-cache.js'
import { createEmitter, type PipelineEventListener } from './pipeline-event.js'
import type { KnowledgeHistory } from './refresh-knowledge-index.js'
import type { RepositoryOptions, RunControlOptions } from './repository-options.js'
import { resolveRepository } from './resolve-repository.js'
import { stageLines } from './stage-lines.js'
import { checkStateDirectory, prepareStateDirectory, stateRemedy } from './state-directory.js'
import { type TalliedWindow, tallyWindow } from './tally-window.js'

/** What `collectContext` reads and from where. */
export interface CollectContextOptions extends RepositoryOptions, RunControlOptions {
  /** Start of the window: a duration back from `until` (`90d`), an ISO date, or `all`; default `[analysis] since`. */
  readonly since?: string
  /** End of the window (ISO date); default `[analysis] until`, else now. */
  readonly until?: string
  /** Leave GitHub review data and CI history out. */
  readonly gitOnly?: boolean
  /** Ask no network service: review data only from what earlier syncs stored in the cache. */
  readonly offline?: boolean
  /** Refetch review data for the whole window instead of syncing incrementally. */
  readonly refresh?: boolean
  /**
   * The cache to read and fill: an open one (left open), or `false` for none; default: the repository's
   * (`[cache] path`, or the PostgreSQL database at `[cache] url`), opened and closed by the call. A cache
   * that cannot be opened degrades the run.
   */
  readonly cache?: GitloreCache | false
  /** Write `.gitlore/context.json` (validated first, temporary file and rename); default true. */
  readonly writeContext?: boolean
}

/** The repository context and everything found on the way to it. */
export interface CollectedContext {
  readonly context: RepositoryContext
  readonly config: GitloreConfig
  /** The repository's top-level directory. */
  readonly root: string
  /** Where context.json was written; null when `writeContext` was false. */
  readonly contextPath: string | null
  /** Review data of the window, or null (git-only, no token, not on GitHub, ...). */
  readonly reviews: ReviewData | null
  /** GitHub Actions history of the window with its statistics (also in `context.ci`), or null. */
  readonly ci: CiData | null
  /** `history` (ok), then every stage that did not work as configured (`degraded`, with why). */
  readonly stages: readonly StageStatus[]
}

/** Statistics stored for a window's commits, with the warnings reading them produced. */
interface StoredAnalysis {
  readonly stats: HistoryStats
  readonly warnings: readonly string[]
}

/**
 * The no-LLM half of the pipeline: configuration, git history (through the commit cache),
 * statistics, review data and review statistics when GitHub (or, offline, the cache) has them,
 * and `.gitlore/context.json` written after validation against context.v1.json. Degraded stages
 * (no cache, no review data) are in `stages` and announced as warnings at the end.
 */
export async function collectContext(options: CollectContextOptions = {}): Promise<CollectedContext> {
  const emit = createEmitter(options.onEvent)
  const gathered = await gatherContext(options, emit)
  try {
    const { cache: _cache, ownsCache: _owns, knowledgeHistory: _knowledge, ...collected } = gathered
    const lines = stageLines(collected.stages)
    for (const message of lines.warnings) emit({ type: 'warning', stage: 'run', message })
    for (const message of lines.notes) emit({ type: 'note', stage: 'run', message })
    if (collected.contextPath !== null) emit({ type: 'note', stage: 'run', message: `wrote ${collected.contextPath}` })
    return collected
  } finally {
    if (gathered.ownsCache) await gathered.cache?.close()
  }
}

/** `collectContext` without the closing warnings, keeping the cache open for the stages that follow. */
export async function gatherContext(
  options: CollectContextOptions,
  emit: PipelineEventListener,
  hooks: {
    /** Told the repository and its configuration as soon as they are known (to record a run that stops later). */
    readonly onRepository?: (root: string, config: GitloreConfig) => void
    /** Told HEAD as soon as the history is planned. */
    readonly onHead?: (head: string | null) => void
  } = {},
): Promise<
  CollectedContext & {
    readonly cache: GitloreCache | undefined
    readonly ownsCache: boolean
    /** The window's uncapped history for the knowledge index, read once and cached. */
    readonly knowledgeHistory: () => Promise<KnowledgeHistory>
  }
> {
  const signal = options.signal ?? new AbortController().signal
  const [
    { planGitHistory },
    { botNames, buildContext, computeSilos, finishHistory, historyStatsVersion, mergeReviewPeople },
  ] = await Promise.all([import('@gitlore/extractors'), import('@gitlore/analyzers')])
  const { root, config, warning } = await resolveRepository(options, windowOverrides(options))
  hooks.onRepository?.(root, config)
  if (warning !== null) emit({ type: 'warning', stage: 'run', message: warning })
  // Before any work: what the run writes in .gitlore must not lead out of the repository.
  await checkStateDirectory(root)
  const window = resolveWindow({ since: config.analysis.since, until: config.analysis.until })
  const degraded: StageStatus[] = []
  const ownsCache = options.cache === undefined
  const opened =
    options.cache === undefined
      ? await openCacheOrDegrade(root, config, options.env ?? process.env, degraded)
      : undefined
  const cache = options.cache === false ? undefined : (options.cache ?? opened?.cache)
  try {
    const started = Date.now()
    const plan = await planGitHistory({
      dir: root,
      since: window.since,
      until: window.until,
      backend: opened?.backend ?? config.analysis.git_backend,
      signal,
      ...(cache === undefined ? {} : { commitStore: cache, listingStore: cache }),
      onProgress: ({ done, total }: { done: number; total?: number }) =>
        emit({
          type: 'progress',
          stage: 'history',
          label: 'reading history',
          done,
          ...(total === undefined ? {} : { total }),
        }),
    })
    hooks.onHead?.(plan.repository.head)
    if (plan.repository.head === null) {
      throw new UsageError(
        `${root} has no commits yet: gitlore reads history, so commit first or pass --repo with another repository`,
      )
    }
    // Review data comes first: the GitHub logins it links to git identities merge one person's identities.
    let reading: Promise<GitHistory> | undefined
    const readHistory = () => {
      reading ??= plan.read()
      return reading
    }
    const historyMs = Date.now() - started
    let reviews: ReviewData | null = null
    let reviewSource: DataSource = { status: 'not-applicable', reason: '--git-only: review data not asked for' }
    let ci: CiData | null = null
    let ciSource: DataSource = { status: 'not-applicable', reason: '--git-only: CI history not asked for' }
    if (options.gitOnly !== true) {
      const github = {
        config,
        root,
        env: options.env ?? process.env,
        window: plan.window,
        remote: plan.repository.remote,
        cache,
        offline: options.offline === true,
        refresh: options.refresh === true,
        emit,
        signal,
        readCommits: async () => (await readHistory()).commits,
      }
      const collected = await collectReviews(github)
      reviewSource = collected.source
      reviews = collected.data
      degraded.push(reviewStage(collected))
      const collectedCi = await collectCi(github)
      ci = collectedCi.data
      ciSource = collectedCi.source
      // No token or no GitHub repository: the review stage already said so.
      const reported =
        collectedCi.sharedWithReviews && degraded.some((stage) => stage.stage === 'reviews' && stage.status !== 'ok')
      if (collectedCi.problem !== null && !reported) {
        degraded.push({ stage: 'ci', status: 'degraded', detail: collectedCi.problem })
      }
    }
    const statsStarted = Date.now()
    const analysisOptions = {
      maxChangesetSize: config.analysis.max_changeset_size,
      minSharedCommits: config.analysis.min_shared_commits,
      fixWindowDays: config.analysis.fix_window_days,
      top: config.analysis.top,
      includeGenerated: config.analysis.include_generated,
      includeAutomation: config.analysis.include_automation,
      mergeIdentities: config.analysis.merge_identities,
      inactiveDays: config.analysis.inactive_days,
      extraBots: config.github.extra_bots,
      until: plan.window.until,
    }
    const identityLogins = reviews?.identityLogins ?? new Map<string, string>()
    // The statistics depend only on the window's commits (and the replace refs that change them),
    // .mailmap, the options, HEAD (its files, and the history reverts are looked up in) and the
    // GitHub logins review data links to identities: when those are unchanged since an earlier run,
    // its stored statistics are reused and no commit is read.
    const statsKey = stableHash({
      version: historyStatsVersion,
      commits: sha256(plan.shas.join('\n')),
      mailmap: sha256(plan.mailmap ?? ''),
      options: analysisOptions,
      head: plan.repository.head,
      logins: sha256(JSON.stringify([...identityLogins].sort())),
      ...(plan.replacements.length === 0 ? {} : { replacements: sha256(plan.replacements.join('\n')) }),
    })
    // The window's tally (stored, or a stored one with the new commits on top, or every commit read)
    // and HEAD's files, each made at most once: the statistics and the knowledge index share them.
    let tallying: Promise<TalliedWindow> | undefined
    const tallied = () => {
      tallying ??= tallyWindow({ plan, store: cache, options: analysisOptions, readHistory })
      return tallying
    }
    let readingHead: Promise<HeadFiles | null> | undefined
    const headFiles = () => {
      readingHead ??= readHeadFilesOrWarn(root, signal, emit)
      return readingHead
    }
    const finishOptions = async () => {
      const head = await headFiles()
      return {
        ...analysisOptions,
        historyShas: plan.reachable,
        identityLogins,
        ...(head === null ? {} : { headFiles: head }),
      }
    }
    let analysed = (await cache?.getResult('history-stats', statsKey)) as StoredAnalysis | null | undefined
    if (analysed === null || analysed === undefined) {
      const window = await tallied()
      const headRead = (await headFiles()) !== null
      analysed = {
        stats: finishHistory(window.tally, await finishOptions()),
        warnings: headRead ? window.warnings : [...window.warnings, headFilesWarning],
      }
      // Objects missing now may be fetched later: statistics with unknown counts are not kept.
      if (window.complete) await cache?.putResult('history-stats', statsKey, analysed)
    }
    const statsMs = Date.now() - statsStarted
    emit({
      type: 'stage-done',
      stage: 'history',
      message: `read ${plan.shas.length} commits in ${historyMs + statsMs} ms`,
    })
    const warnings = [...analysed.warnings]
    if (plan.shas.length === 0) {
      const hint = await emptyWindowHint(
        root,
        plan.repository.head,
        plan.window,
        opened?.backend ?? config.analysis.git_backend,
        signal,
      )
      if (hint !== null) warnings.push(hint)
    }
    for (const warning of warnings) emit({ type: 'warning', stage: 'history', message: warning })
    let context: RepositoryContext = buildContext(
      { repository: plan.repository, window: plan.window, warnings },
      analysed.stats,
    )
    if (reviews !== null) {
      context = mergeReviewPeople(
        { ...context, repo: { ...context.repo, github: reviews.repository } },
        reviews.stats,
        reviews.identities,
        reviews.activity,
      )
      const canonical = new Map(
        context.identities.flatMap((merge) => merge.aliases.map((alias) => [alias.identity, merge.identity] as const)),
      )
      const silos = computeSilos((await readHistory()).commits, reviews.pullRequests, reviews.comments, {
        canonical,
        loginIdentities: reviews.identities,
        bots: botNames(config.github.extra_bots),
      })
      context = { ...context, silos }
    }
    context = { ...context, sources: { ...context.sources, reviews: reviewSource, ci: ciSource } }
    if (ci !== null) context = { ...context, ci: ci.stats }
    validateContext(context)
    const contextPath = options.writeContext === false ? null : join(root, '.gitlore', 'context.json')
    if (contextPath !== null) {
      await prepareStateDirectory(root)
      await writeConfinedFile(contextPath, `${JSON.stringify(context, null, 2)}\n`, { root, remedy: stateRemedy })
    }
    return {
      context,
      reviews,
      ci,
      config,
      root,
      contextPath,
      stages: [{ stage: 'history', status: 'ok', durationMs: historyMs + statsMs }, ...degraded],
      cache,
      ownsCache,
      knowledgeHistory: knowledgeHistoryReader({ cache, statsKey, tallied, finishOptions }),
    }
  } catch (error) {
    if (ownsCache) await cache?.close()
    throw error
  }
}

const headFilesWarning =
  'the files at HEAD could not be read (no git binary?): generated headers and deleted paths are judged from the history alone'

/**
 * The tree at HEAD for marking generated files and deleted paths; null (the caller warns) when git
 * cannot read it, since the statistics stand without it.
 */
async function readHeadFilesOrWarn(
  root: string,
  signal: AbortSignal,
  emit: PipelineEventListener,
): Promise<HeadFiles | null> {
  const { readHeadFiles } = await import('@gitlore/extractors')
  try {
    return await readHeadFiles({ dir: root, signal })
  } catch (error) {
    if (signal.aborted) throw error
    emit({ type: 'note', stage: 'history', message: `files at HEAD: ${(error as Error).message}` })
    return null
  }
}

/** The reviews stage as the run reports it: not applicable is skipped, not degraded; a few incomplete pull requests are partial. */
function reviewStage(collected: CollectedReviews): StageStatus {
  const { source, incomplete } = collected
  const detail = source.reason ?? undefined
  switch (source.status) {
    case 'ok':
      return { stage: 'reviews', status: 'ok' }
    case 'not-applicable':
      return { stage: 'reviews', status: 'skipped', ...(detail === undefined ? {} : { detail }) }
    case 'unavailable':
      return { stage: 'reviews', status: 'degraded', ...(detail === undefined ? {} : { detail }) }
    case 'partial': {
      const failed = incomplete?.pullRequests.length ?? 0
      const total = incomplete?.total ?? failed
      return {
        stage: 'reviews',
        status: itemStatus(failed, total),
        ...(detail === undefined ? {} : { detail }),
        items: { failed, total },
      }
    }
  }
}

/**
 * Why a window holds no commit, and what to do: the date of HEAD (the newest commit) and a
 * `--since` that reaches it with a window as long as this one. Null when HEAD cannot be read.
 */
async function emptyWindowHint(
  root: string,
  head: string | null,
  window: TimeWindow,
  backend: GitBackend | GitloreConfig['analysis']['git_backend'],
  signal: AbortSignal,
): Promise<string | null> {
  if (head === null) return null
  const { createGitBackend } = await import('@gitlore/extractors')
  const git = typeof backend === 'object' ? backend : createGitBackend({ dir: root, kind: backend })
  try {
    for await (const commit of git.readCommits([head], { signal })) {
      const newest = Date.parse(commit.authoredAt)
      const length = Date.parse(window.until) - Date.parse(window.since)
      const day = (time: number) => new Date(time).toISOString().slice(0, 10)
      const where = newest < Date.parse(window.since) ? 'before' : 'after'
      return `no commit in the window ${day(Date.parse(window.since))} to ${day(Date.parse(window.until))}: the newest commit (HEAD ${head.slice(0, 7)}) is from ${day(newest)}, ${where} it; try --since ${day(newest - length)}${where === 'after' ? ` --until ${day(newest)}` : ''} or --since all`
    }
  } catch (error) {
    if (signal.aborted) throw error
  }
  return null
}

/** The window options as configuration overrides. */
function windowOverrides(options: CollectContextOptions): ConfigInput | undefined {
  if (options.since === undefined && options.until === undefined) return undefined
  return {
    analysis: {
      ...(options.since === undefined ? {} : { since: options.since }),
      ...(options.until === undefined ? {} : { until: options.until }),
    },
  }
}

/** The repository's cache (`[cache] path` or `url`); one that cannot be opened degrades the run, a bad `[cache]` setting stops it. */
async function openCacheOrDegrade(
  root: string,
  config: GitloreConfig,
  env: Readonly<Record<string, string | undefined>>,
  degraded: StageStatus[],
): Promise<OpenedCache | undefined> {
  try {
    return await openCache({ root, config, env })
  } catch (error) {
    if (ConfigError.isInstance(error)) throw error
    if (!CacheError.isInstance(error) && !GitloreError.isInstance(error)) throw error
    degraded.push({
      stage: 'cache',
      status: 'degraded',
      detail: `${(error as Error).message} (continuing without the cache)`,
    })
    return undefined
  }
}
