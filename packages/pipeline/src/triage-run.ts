import { lstat } from 'node:fs/promises'
import { isAbsolute, join, normalize } from 'node:path'
import type { GitloreCache } from '@gitlore/cache'
import type { CiRun, ReviewCluster, StageStatus, TriageBrief } from '@gitlore/core'
import { UsageError } from '@gitlore/core'
import { gatherContext } from './collect-context.js'
import { requireGitHubToken } from './github-access.js'
import { createEmitter } from './pipeline-event.js'
import { renderTriageMarkdown, type TriageInfo, triageInfo } from './render-triage.js'
import type { RepositoryOptions, RunControlOptions } from './repository-options.js'
import { resolveRepository } from './resolve-repository.js'

/** A failed run named by its web address. */
export interface RunAddress {
  readonly owner: string
  readonly repo: string
  readonly runId: number
  readonly attempt?: number
  readonly jobId?: number
}

const runPattern =
  /^https?:\/\/[^/\s]+\/([\w.-]+)\/([\w.-]+)\/actions\/runs\/(\d+)(?:\/attempts\/(\d+))?(?:\/job\/(\d+))?\/?(?:[?#]\S*)?$/

/** `https://github.com/OWNER/REPO/actions/runs/ID[/attempts/N][/job/JOB]` as its parts; a usage error otherwise. */
export function parseRunAddress(url: string): RunAddress {
  const match = runPattern.exec(url.trim())
  if (match === null) {
    throw new UsageError(
      `not a GitHub Actions run address: "${url.slice(0, 200)}"; give one like https://github.com/OWNER/REPO/actions/runs/123456, or --logs FILE`,
    )
  }
  return {
    owner: match[1] as string,
    repo: match[2] as string,
    runId: Number(match[3]),
    ...(match[4] === undefined ? {} : { attempt: Number(match[4]) }),
    ...(match[5] === undefined ? {} : { jobId: Number(match[5]) }),
  }
}

/** A usage error when the run belongs to another repository than `repository` (`owner/repo`). */
function checkRepository(address: RunAddress, repository: string): void {
  const named = `${address.owner}/${address.repo}`
  if (repository.toLowerCase() !== named.toLowerCase()) {
    throw new UsageError(
      `the run belongs to ${named}, but this repository is ${repository} on GitHub: pass --repo with a clone of ${named}`,
    )
  }
}

/** What `triageRun` works on. */
export interface TriageRunOptions extends RepositoryOptions, RunControlOptions {
  /** The failed run's web address; or give `logText`. */
  readonly runUrl?: string
  /** A CI log to triage instead of a run (`--logs FILE`), taken as a failure at HEAD. */
  readonly logText?: string
  /** Window of history read around the failure; default `[analysis] since` / `until`. */
  readonly since?: string
  readonly until?: string
  /** Ask GitHub nothing: only what earlier syncs stored. */
  readonly offline?: boolean
  /** An open cache to use (left open), or `false` for none; default the repository's. */
  readonly cache?: GitloreCache | false
}

/** The brief, as data, as the `info.json` object, and as markdown, with the stages that ran. */
export interface TriageResult {
  readonly brief: TriageBrief
  readonly info: TriageInfo
  readonly markdown: string
  readonly stages: readonly StageStatus[]
}

/** A path from a log names a regular file inside the repository (no escape, no symlink). */
async function fileAtHead(root: string, path: string): Promise<boolean> {
  const relative = normalize(path)
  if (isAbsolute(relative) || relative.startsWith('..') || relative.includes('\0')) return false
  const info = await lstat(join(root, relative)).catch(() => undefined)
  return info?.isFile() === true
}

/**
 * Triages one failed GitHub Actions run (or a pasted log): syncs the window's history, CI runs and
 * reviews as `collectContext` does (without writing context.json), fetches the run when the window
 * does not hold it, and builds the reproduce-and-fix brief with the latest stored run's findings and
 * review themes. Throws a usage error for a bad address, a run of another repository, or an offline
 * run that is not cached.
 */
export async function triageRun(options: TriageRunOptions): Promise<TriageResult> {
  const address = options.runUrl === undefined ? null : parseRunAddress(options.runUrl)
  if (address === null && options.logText === undefined) {
    throw new UsageError(
      'nothing to triage: give a run address (https://github.com/OWNER/REPO/actions/runs/ID) or --logs FILE',
    )
  }
  if (address !== null) {
    // A configured repository is checked before any work; one found from the origin remote, after reading it.
    const { config } = await resolveRepository(options)
    if (config.github.repo !== '') checkRepository(address, config.github.repo)
  }
  const emit = createEmitter(options.onEvent)
  const signal = options.signal ?? new AbortController().signal
  const gathered = await gatherContext({ ...options, writeContext: false }, emit)
  try {
    const { context, ci, root, config, cache } = gathered
    const [{ createCiExtractor, extractGitHistory }, { buildTriageBrief }] = await Promise.all([
      import('@gitlore/extractors'),
      import('@gitlore/analyzers'),
    ])
    let run: CiRun | null = null
    if (address !== null) {
      if (ci !== null) checkRepository(address, ci.repository)
      run = ci?.runs.find((entry) => entry.id === address.runId) ?? null
      if (run === null) {
        if (options.offline === true) {
          throw new UsageError(`run ${address.runId} is not in the cache: run gitlore triage without --offline`)
        }
        const token = await requireGitHubToken(config, root, options.env ?? process.env)
        run = await createCiExtractor({
          owner: address.owner,
          repo: address.repo,
          token,
          baseUrl: config.github.api_url,
          ...(cache === undefined ? {} : { store: cache }),
        }).fetchRun(address.runId, { signal })
      }
    }
    const history = await extractGitHistory({
      dir: root,
      since: context.window.since,
      until: context.window.until,
      backend: config.analysis.git_backend,
      signal,
      ...(cache === undefined ? {} : { commitStore: cache, listingStore: cache }),
    })
    const stored = await cache?.latestRun()
    const clusters = (stored?.report as { clusters?: unknown } | undefined)?.clusters
    const brief = buildTriageBrief({
      run,
      attempt: address?.attempt,
      jobId: address?.jobId,
      logText: options.logText,
      runs: ci?.runs ?? (run === null ? [] : [run]),
      stats: ci?.stats ?? null,
      commits: history.commits,
      head: context.repo.head,
      repository: ci?.repository ?? (address === null ? null : `${address.owner}/${address.repo}`),
      findings: stored?.findings ?? [],
      clusters: Array.isArray(clusters) ? (clusters as ReviewCluster[]) : [],
      people: context.people,
    })
    // The core stays pure: which named test file exists in the work tree is checked here.
    const candidates = brief.jobs.flatMap((job) => job.tests.map((test) => test.file)).filter((file) => file !== null)
    let existing: string | null = null
    for (const file of candidates) {
      if (await fileAtHead(root, file)) {
        existing = file
        break
      }
    }
    const final: TriageBrief = { ...brief, existingTestPath: existing }
    emit({
      type: 'stage-done',
      stage: 'ci',
      message: `triage: ${final.verdict}, ${final.suspects.length} suspect ${final.suspects.length === 1 ? 'commit' : 'commits'}, ${final.contacts.length} ${final.contacts.length === 1 ? 'person' : 'people'} to contact`,
    })
    return { brief: final, info: triageInfo(final), markdown: renderTriageMarkdown(final), stages: gathered.stages }
  } finally {
    if (gathered.ownsCache) await gathered.cache?.close()
  }
}
