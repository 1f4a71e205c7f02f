import type { CiRun, CiStats, DataSource } from '@gitlore/core'
import { ConfigError, GitloreError } from '@gitlore/core'
import type { CollectReviewsOptions } from './collect-reviews.js'
import { requireGitHubToken, resolveGitHubAccess } from './github-access.js'

/** The GitHub Actions history of the window and its statistics. */
export interface CiData {
  readonly repository: string
  /** Runs created in the window, newest first, every attempt with its jobs. */
  readonly runs: readonly CiRun[]
  readonly stats: CiStats
  /** True when the runs came from the cache without asking GitHub (offline runs). */
  readonly fromCache: boolean
}

export interface CollectedCi {
  readonly data: CiData | null
  /** How getting CI history went (`ok`, `partial`, `unavailable`, `not-applicable`) and why; context.json records it. */
  readonly source: DataSource
  /** Why there is no (complete) CI data, when the user should know: becomes a degraded stage. */
  readonly problem: string | null
  /** The problem is the repository's or the token's, which the review stage reports too. */
  readonly sharedWithReviews: boolean
}

const ok: DataSource = { status: 'ok', reason: null }

/** What `collectCi` needs: the same as the review stage. */
export type CollectCiOptions = CollectReviewsOptions

/**
 * GitHub Actions history for the window: synced incrementally into the cache (at most
 * `maxRunsPerSync` runs a sync, so a first sync of a busy repository stays within the rate limit and
 * later runs complete it), or, offline, what earlier syncs stored; then CI statistics over it. Problems
 * (no token, no GitHub remote, refused access) are one line and the run goes on without CI data.
 */
export async function collectCi(options: CollectCiOptions): Promise<CollectedCi> {
  const { config, window, cache, emit, signal } = options
  const [extractors, analyzers] = await Promise.all([import('@gitlore/extractors'), import('@gitlore/analyzers')])
  const access = await resolveGitHubAccess(config, options.remote)
  if (access.kind === 'none') {
    // No remote, or not on GitHub: nothing is missing, there is nothing to ask.
    return {
      data: null,
      source: { status: 'not-applicable', reason: access.problem },
      problem: options.offline ? null : access.problem,
      sharedWithReviews: true,
    }
  }
  const { owner, repo } = access
  const finish = async (runs: readonly CiRun[], fromCache: boolean): Promise<CiData> => ({
    repository: `${owner}/${repo}`,
    runs,
    stats: analyzers.analyzeCi(runs, await options.readCommits(), { top: config.analysis.top }),
    fromCache,
  })
  if (options.offline) {
    const nothingStored: CollectedCi = {
      data: null,
      source: { status: 'not-applicable', reason: '--offline, and no earlier sync stored CI history to read' },
      problem: null,
      sharedWithReviews: false,
    }
    if (cache === undefined) return nothingStored
    const stored = await extractors.readCachedCiData({
      store: cache,
      baseUrl: config.github.api_url,
      owner,
      repo,
      since: window.since,
      until: window.until,
    })
    if (stored === null) return nothingStored
    emit({
      type: 'stage-done',
      stage: 'ci',
      message: `CI: ${stored.runs.length} workflow runs from the cache (offline: GitHub not asked)`,
    })
    return { data: await finish(stored.runs, true), source: ok, problem: null, sharedWithReviews: false }
  }
  let token: string
  try {
    token = await requireGitHubToken(config, options.root, options.env)
  } catch (error) {
    if (!GitloreError.isInstance(error)) throw error
    return {
      data: null,
      source: { status: 'unavailable', reason: error.message },
      problem: error.message,
      sharedWithReviews: true,
    }
  }
  try {
    const data = await extractors
      .createCiExtractor({
        owner,
        repo,
        token,
        baseUrl: config.github.api_url,
        ...(cache === undefined ? {} : { store: cache }),
        onWait: (wait) =>
          emit({ type: 'note', stage: 'ci', message: `GitHub ${wait.reason}: waiting ${wait.seconds} s` }),
      })
      .fetch({
        since: window.since,
        until: window.until,
        refresh: options.refresh,
        signal,
        onProgress: (event) =>
          emit({
            type: 'progress',
            stage: 'ci',
            label: `GitHub Actions ${owner}/${repo}: ${event.runs} runs, ${event.jobs} jobs${event.rateLimit ? `, rate limit ${event.rateLimit.remaining}/${event.rateLimit.limit} left` : ''}`,
            done: event.runs,
            ...(event.listed === null ? {} : { total: event.listed }),
          }),
      })
    const { sync } = data
    emit({
      type: 'stage-done',
      stage: 'ci',
      message: `CI: ${data.runs.length} workflow runs, ${sync.fetchedRuns} fetched, ${sync.logsStored} failing logs read, ${sync.logsExpired} expired (${data.requests} requests, ${sync.mode} sync)`,
    })
    const problems = [
      ...(sync.complete
        ? []
        : [
            `CI history partly synced (${sync.fetchedRuns} runs this time, to stay within GitHub's rate limit): the next run continues`,
          ]),
      ...(sync.incompleteRuns > 0
        ? [`${sync.incompleteRuns} runs' logs could not be read (fetched again next run)`]
        : []),
    ]
    const problem = problems.length === 0 ? null : problems.join('; ')
    return {
      data: await finish(data.runs, false),
      source: problem === null ? ok : { status: 'partial', reason: problem },
      problem,
      sharedWithReviews: false,
    }
  } catch (error) {
    if (signal.aborted || ConfigError.isInstance(error) || !GitloreError.isInstance(error)) throw error
    if (extractors.GitHubNotFoundError.isInstance(error)) {
      // No Actions API here (Actions disabled, an older GitHub Enterprise): nothing to read, nothing wrong.
      // A repository that does not exist at all is reported by the review stage.
      const reason = `no GitHub Actions history for ${owner}/${repo} (404)`
      emit({ type: 'note', stage: 'ci', message: `CI: ${reason}` })
      return { data: null, source: { status: 'not-applicable', reason }, problem: null, sharedWithReviews: false }
    }
    const problem = `${error.message} (continuing without CI history)`
    return { data: null, source: { status: 'unavailable', reason: problem }, problem, sharedWithReviews: false }
  }
}
