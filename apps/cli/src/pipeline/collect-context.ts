import { join } from 'node:path'
import type { GitloreCache } from '@gitlore/cache'
import type { GitHistory, GitloreConfig, HistoryStats, RepositoryContext } from '@gitlore/core'
import {
  CacheError,
  GitloreError,
  resolveFromRepository,
  resolveWindow,
  sha256,
  stableHash,
  UsageError,
  validateContext,
  writeFileAtomic,
} from '@gitlore/core'
import { configOverrides } from '../commands/options.js'
import { resolveRepository } from '../commands/resolve-repository.js'
import type { Flags } from '../main.js'
import type { Progress } from '../progress.js'
import type { Terminal } from '../terminal.js'
import { collectReviews, type ReviewData } from './collect-reviews.js'

/** Statistics stored for a window's commits, with the warnings reading them produced. */
interface StoredAnalysis {
  readonly stats: HistoryStats
  readonly warnings: readonly string[]
}

export interface CollectedContext {
  readonly context: RepositoryContext
  readonly config: GitloreConfig
  /** The repository's top-level directory. */
  readonly root: string
  /** Where context.json was written (unless the caller asked not to write it). */
  readonly contextPath: string
  /** Review data of the window, or null (git-only, no token, not on GitHub, ...). */
  readonly reviews: ReviewData | null
  /** The open cache when the caller asked to keep it (it must close it); else undefined. */
  readonly cache?: GitloreCache | undefined
  /** Stages that did not work as configured, with why (exit code 3). */
  readonly degraded: readonly { readonly stage: string; readonly error: string }[]
}

/**
 * The no-LLM half of the pipeline: configuration, git history (through the commit cache),
 * statistics, review data and review statistics when GitHub (or, offline, the cache) has them,
 * and `.gitlore/context.json` written after validation against context.v1.json.
 */
export async function collectContext(
  flags: Flags,
  terminal: Terminal,
  progress: Progress,
  signal: AbortSignal,
  options: { writeContext?: boolean; keepCache?: boolean } = {},
): Promise<CollectedContext> {
  const [{ planGitHistory }, { analyzeHistory, buildContext, historyStatsVersion, mergeReviewPeople }] =
    await Promise.all([import('@gitlore/extractors'), import('@gitlore/analyzers')])
  const { root, config } = await resolveRepository(flags, terminal, configOverrides(flags))
  const window = resolveWindow({ since: config.analysis.since, until: config.analysis.until })
  const degraded: { stage: string; error: string }[] = []
  const cache =
    flags['no-cache'] === true ? undefined : await openCache(resolveFromRepository(root, config.cache.path), degraded)
  try {
    const started = Date.now()
    const plan = await planGitHistory({
      dir: root,
      since: window.since,
      until: window.until,
      backend: config.analysis.git_backend,
      signal,
      ...(cache === undefined ? {} : { commitStore: cache, listingStore: cache }),
      onProgress: ({ done, total }: { done: number; total?: number }) =>
        progress.update('reading history', done, total),
    })
    if (plan.repository.head === null) {
      throw new UsageError(
        `${root} has no commits yet: gitlore reads history, so commit first or pass --repo with another repository`,
      )
    }
    const analysisOptions = {
      maxChangesetSize: config.analysis.max_changeset_size,
      minSharedCommits: config.analysis.min_shared_commits,
      fixWindowDays: config.analysis.fix_window_days,
      top: config.analysis.top,
    }
    // The statistics depend only on the window's commits, .mailmap and the options: when those are
    // unchanged since an earlier run, its stored statistics are reused and no commit is read.
    const statsKey = stableHash({
      version: historyStatsVersion,
      commits: sha256(plan.shas.join('\n')),
      mailmap: sha256(plan.mailmap ?? ''),
      options: analysisOptions,
    })
    let reading: Promise<GitHistory> | undefined
    const readHistory = () => {
      reading ??= plan.read()
      return reading
    }
    let analysed = (await cache?.getResult('history-stats', statsKey)) as StoredAnalysis | null | undefined
    if (analysed === null || analysed === undefined) {
      const history = await readHistory()
      analysed = { stats: analyzeHistory(history.commits, analysisOptions), warnings: history.warnings }
      await cache?.putResult('history-stats', statsKey, analysed)
    }
    progress.done(`read ${plan.shas.length} commits in ${Date.now() - started} ms`)
    for (const warning of analysed.warnings) progress.note(`warning: ${warning}`)
    let context: RepositoryContext = buildContext(
      { repository: plan.repository, window: plan.window, warnings: analysed.warnings },
      analysed.stats,
    )
    let reviews: ReviewData | null = null
    if (flags['git-only'] !== true) {
      const collected = await collectReviews({
        config,
        root,
        env: terminal.env,
        window: plan.window,
        remote: plan.repository.remote,
        cache,
        offline: flags.offline === true,
        refresh: flags.refresh === true,
        progress,
        signal,
        readCommits: async () => (await readHistory()).commits,
      })
      if (collected.problem !== null) degraded.push({ stage: 'reviews', error: collected.problem })
      reviews = collected.data
      if (reviews !== null) context = mergeReviewPeople(context, reviews.stats, reviews.identities)
    }
    validateContext(context)
    const contextPath = join(root, '.gitlore', 'context.json')
    if (options.writeContext !== false) await writeFileAtomic(contextPath, `${JSON.stringify(context, null, 2)}\n`)
    if (options.keepCache !== true) await cache?.close()
    return {
      context,
      reviews,
      config,
      root,
      contextPath,
      degraded,
      cache: options.keepCache === true ? cache : undefined,
    }
  } catch (error) {
    await cache?.close()
    throw error
  }
}

async function openCache(path: string, degraded: { stage: string; error: string }[]) {
  const { createCache } = await import('@gitlore/cache')
  try {
    return await createCache({ path })
  } catch (error) {
    if (!CacheError.isInstance(error) && !GitloreError.isInstance(error)) throw error
    degraded.push({ stage: 'cache', error: `${(error as Error).message} (continuing without the cache)` })
    return undefined
  }
}
