import type { ReviewActivity } from '@gitlore/analyzers'
import type { GitloreCache } from '@gitlore/cache'
import type {
  Commit,
  DataSource,
  GitloreConfig,
  PullRequest,
  ReviewComment,
  ReviewStats,
  TimeWindow,
} from '@gitlore/core'
import { ConfigError, GitloreError, loadSecrets } from '@gitlore/core'
import type { PipelineEventListener } from './pipeline-event.js'

/** Review data of the window, after bots and trivia were filtered out (and counted). */
export interface ReviewData {
  readonly repository: string
  readonly pullRequests: readonly PullRequest[]
  readonly comments: readonly ReviewComment[]
  readonly filtered: { readonly bots: number; readonly trivial: number }
  readonly stats: ReviewStats
  /** GitHub login -> git identity, for merging review activity into `people[]`. */
  readonly identities: ReadonlyMap<string, string>
  /** Git identity -> GitHub login, for merging one person's identities (`githubIdentityLogins`). */
  readonly identityLogins: ReadonlyMap<string, string>
  /** Every reviewer's and author's activity, uncapped, so per-person numbers never come from a capped list. */
  readonly activity: ReviewActivity
  /** True when the data came from the cache without asking GitHub (offline runs). */
  readonly fromCache: boolean
}

export interface CollectedReviews {
  readonly data: ReviewData | null
  /** How getting review data went (`ok`, `partial`, `unavailable`, `not-applicable`) and why; context.json records it. */
  readonly source: DataSource
  /** Pull requests of the window still incomplete after the sync's retries, with the total synced, when some are. */
  readonly incomplete?: { readonly pullRequests: readonly number[]; readonly total: number }
}

/** What `collectReviews` needs: the run's configuration, window and cache. */
export interface CollectReviewsOptions {
  /** The run's configuration (`[github]`, `[analysis] top`). */
  readonly config: GitloreConfig
  /** The repository's top-level directory (its `.env` may hold the token). */
  readonly root: string
  /** Environment the token is read from first. */
  readonly env: Readonly<Record<string, string | undefined>>
  /** Pull requests updated in this window are synced. */
  readonly window: TimeWindow
  /** `owner/repo` (or a URL) of the origin remote, as the history read it. */
  readonly remote: string | null
  /** Where pull requests are synced to (and, offline, read from); undefined: fetch everything, store nothing. */
  readonly cache: GitloreCache | undefined
  /** Ask GitHub nothing: use only what earlier syncs stored. */
  readonly offline: boolean
  /** Refetch the whole window instead of syncing incrementally. */
  readonly refresh: boolean
  /** Where progress, notes and warnings go. */
  readonly emit: PipelineEventListener
  /** Stops the sync at the next request; synced pages stay in the cache. */
  readonly signal: AbortSignal
  /** The window's commits, read only when review data exists (to match GitHub logins to git identities). */
  readonly readCommits: () => Promise<readonly Commit[]>
}

/**
 * Review data for the window: synced from GitHub (incrementally, through the cache) unless the run
 * is offline or git-only; an offline run uses what earlier syncs stored. Missing tokens, bad
 * credentials, unknown repositories and non-GitHub remotes are one actionable line and the run
 * goes on git-only; a malformed `[github] repo` is a configuration error.
 */
export async function collectReviews(options: CollectReviewsOptions): Promise<CollectedReviews> {
  const { config, window, cache, emit, signal } = options
  const [extractors, analyzers] = await Promise.all([import('@gitlore/extractors'), import('@gitlore/analyzers')])
  let repository: { owner: string; repo: string }
  try {
    repository = extractors.resolveGitHubRepository({
      configured: config.github.repo === '' ? undefined : config.github.repo,
      remote: options.remote ?? undefined,
      apiUrl: config.github.api_url,
    })
  } catch (error) {
    if (ConfigError.isInstance(error) || !GitloreError.isInstance(error)) throw error
    // No GitHub repository to ask (no remote, or not on GitHub): nothing is missing, there is none.
    const notGitHub = extractors.GitHubRemoteError.isInstance(error)
    return {
      data: null,
      source: { status: notGitHub || options.offline ? 'not-applicable' : 'unavailable', reason: error.message },
    }
  }
  const { owner, repo } = repository
  const finish = async (
    fetched: {
      pullRequests: readonly PullRequest[]
      comments: readonly ReviewComment[]
      filtered: { bots: number; trivial: number }
    },
    fromCache: boolean,
  ): Promise<ReviewData> => {
    const stats = analyzers.analyzeReviews(fetched.pullRequests, fetched.comments, fetched.filtered, {
      top: config.analysis.top,
    })
    const commits = await options.readCommits()
    const identities = analyzers.githubLoginIdentities(commits, fetched.pullRequests)
    const identityLogins = analyzers.githubIdentityLogins(commits, fetched.pullRequests)
    const activity = analyzers.reviewActivity(fetched.pullRequests, fetched.comments)
    return { repository: `${owner}/${repo}`, ...fetched, stats, identities, identityLogins, activity, fromCache }
  }

  if (options.offline) {
    const nothingStored: CollectedReviews = {
      data: null,
      source: { status: 'not-applicable', reason: '--offline, and no earlier sync stored review data to read' },
    }
    if (cache === undefined) return nothingStored
    const stored = await extractors.readCachedReviewData({
      store: cache,
      baseUrl: config.github.api_url,
      owner,
      repo,
      since: window.since,
      until: window.until,
      extraBots: config.github.extra_bots,
    })
    if (stored === null) return nothingStored
    emit({
      type: 'stage-done',
      stage: 'reviews',
      message: `reviews: ${stored.pullRequests.length} PRs from the cache (offline: GitHub not asked)`,
    })
    return { data: await finish(stored, true), source: { status: 'ok', reason: null } }
  }

  try {
    const secrets = await loadSecrets({ repositoryDir: options.root, env: options.env })
    const host = new URL(config.github.api_url).hostname
    const found = await extractors.resolveGitHubToken(secrets, {
      ...(host === 'api.github.com' ? {} : { hostname: host }),
    })
    if (found === null) throw new extractors.GitHubTokenMissingError()
    const data = await extractors.fetchReviewData({
      owner,
      repo,
      token: found.token,
      baseUrl: config.github.api_url,
      extraBots: config.github.extra_bots,
      ...(cache === undefined ? {} : { store: cache }),
      since: window.since,
      until: window.until,
      refresh: options.refresh,
      signal,
      onProgress: (event) => {
        if ((event.phase === 'shrunk' || event.phase === 'grown') && event.sizes !== undefined) {
          const { sizes } = event
          const pages = `${sizes.pullRequests} PRs a page, ${sizes.reviewThreads} threads of ${sizes.threadComments} comments each`
          emit({
            type: 'note',
            stage: 'reviews',
            message:
              event.phase === 'shrunk'
                ? `GitHub did not answer a page in time (${event.reason ?? 'timeout'}): asking for ${pages}`
                : `GitHub answers again: back up to ${pages}`,
          })
        }
        emit({
          type: 'progress',
          stage: 'reviews',
          label: `GitHub ${owner}/${repo}: ${event.pullRequests} PRs, ${event.comments} comments${event.rateLimit ? `, rate limit ${event.rateLimit.remaining}/${event.rateLimit.limit} left` : ''}`,
          done: event.requests,
        })
      },
      onWait: (wait) =>
        emit({ type: 'note', stage: 'reviews', message: `GitHub ${wait.reason}: waiting ${wait.seconds} s` }),
    })
    const kept = data.comments.reduce((count, comment) => count + 1 + comment.replies.length, 0)
    emit({
      type: 'stage-done',
      stage: 'reviews',
      message: `reviews: ${data.pullRequests.length} PRs, ${kept} comments kept, ${data.filtered.bots} bot and ${data.filtered.trivial} trivial left out (${data.requests} requests, ${data.points} points, ${syncSummary(data.sync)}${data.recovered > 0 ? `; ${data.recovered} PRs completed by asking again` : ''})`,
    })
    for (const partial of data.partialErrors) {
      emit({
        type: 'warning',
        stage: 'reviews',
        message:
          partial.pullRequest === undefined
            ? `GitHub: ${partial.message}`
            : `GitHub #${partial.pullRequest} is incomplete: ${partial.message}${partial.type === undefined ? '' : ` (${partial.type})`}; asked for again next run`,
      })
    }
    const incomplete = data.incomplete
    const total = new Set([...data.pullRequests.map((pullRequest) => pullRequest.number), ...incomplete]).size
    return {
      data: await finish(data, false),
      source:
        incomplete.length === 0
          ? { status: 'ok', reason: null }
          : {
              status: 'partial',
              reason: `${incomplete.length} of ${total} pull requests incomplete (${incomplete
                .slice(0, 10)
                .map((number) => `#${number}`)
                .join(', ')}${incomplete.length > 10 ? ', …' : ''}); asked for again next run`,
            },
      ...(incomplete.length === 0 ? {} : { incomplete: { pullRequests: incomplete, total } }),
    }
  } catch (error) {
    if (signal.aborted || ConfigError.isInstance(error) || !GitloreError.isInstance(error)) throw error
    return { data: null, source: { status: 'unavailable', reason: `${error.message} (continuing git-only)` } }
  }
}

/** `incremental sync: nothing changed`, `full sync`, ... */
function syncSummary(sync: { readonly mode: string; readonly probe: { readonly changed: number } | null }): string {
  if (sync.probe === null) return `${sync.mode} sync`
  return sync.probe.changed === 0
    ? `${sync.mode} sync: nothing changed`
    : `${sync.mode} sync: ${sync.probe.changed} changed, fetched by number`
}
