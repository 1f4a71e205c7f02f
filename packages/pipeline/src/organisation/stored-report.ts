import { stat } from 'node:fs/promises'
import type { GitloreCache } from '@gitlore/cache'
import type { ConfigInput } from '@gitlore/core'
import { loadConfig } from '@gitlore/core'
import type { ReportInput } from '@gitlore/formatters'
import { openRepositoryCache } from '../open-repository-cache.js'
import { cloneDirectoryOf } from './clone-repository.js'
import type { RepositoryListEntry } from './repository-list.js'

/** A repository's latest stored report, or why there is none. */
export interface StoredReport {
  readonly status: 'ok' | 'degraded' | 'missing'
  readonly outcome: { readonly detail?: string; readonly runId?: string; readonly dir?: string }
  readonly report?: ReportInput
  readonly outputPaths?: readonly string[]
}

/** Runs looked through for the newest one that finished with a report. */
const runsLookedAt = 20

async function newestReport(cache: GitloreCache): Promise<StoredReport | null> {
  for (const summary of await cache.listRuns(runsLookedAt)) {
    if (summary.status !== 'finished' && summary.status !== 'degraded') continue
    const run = await cache.getRun(summary.id)
    if (run === null || run.report === null || run.report === undefined) continue
    return {
      status: summary.status === 'degraded' ? 'degraded' : 'ok',
      outcome: {
        runId: run.id,
        ...(summary.degraded.length === 0 ? {} : { detail: `degraded: ${summary.degraded.join(', ')}` }),
      },
      report: run.report as ReportInput,
      ...(run.outputPaths === undefined ? {} : { outputPaths: run.outputPaths }),
    }
  }
  return null
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false
}

/**
 * The newest stored run (finished or degraded, with a report) of a listed repository, for a roll-up
 * without analysing: a directory's own cache; for `owner/name`, its clone's cache, or else the shared
 * PostgreSQL cache the user's configuration names, under the repository's key. `missing` says why not.
 */
export async function latestStoredReport(options: {
  readonly entry: RepositoryListEntry
  readonly cloneDir: string
  readonly configPath?: string | undefined
  readonly config?: ConfigInput | undefined
  readonly env: Readonly<Record<string, string | undefined>>
}): Promise<StoredReport> {
  const { entry, env } = options
  const repositoryOptions = {
    env,
    ...(options.configPath === undefined ? {} : { configPath: options.configPath }),
    ...(options.config === undefined ? {} : { config: options.config }),
  }
  let cache: GitloreCache
  let dir: string | undefined
  if (entry.kind === 'path') {
    dir = entry.path
    cache = (await openRepositoryCache({ ...repositoryOptions, dir })).cache
  } else {
    const { config } = await loadConfig({
      repositoryDir: options.cloneDir,
      configPath: options.configPath,
      env,
      ...(options.config === undefined ? {} : { overrides: options.config }),
    })
    const clone = cloneDirectoryOf({
      owner: entry.owner,
      repo: entry.repo,
      cloneDir: options.cloneDir,
      cloneUrl: config.github.clone_url,
      apiUrl: config.github.api_url,
    })
    if (await isDirectory(clone)) {
      dir = clone
      const config = { ...options.config, github: { ...options.config?.github, repo: entry.name } }
      cache = (await openRepositoryCache({ ...repositoryOptions, config, dir })).cache
    } else if (config.cache.url !== '' || config.cache.url_env !== '') {
      const [{ cacheOptionsFromConfig, createCache }, { repositoryKey }] = await Promise.all([
        import('@gitlore/cache'),
        import('@gitlore/extractors'),
      ])
      const repository = repositoryKey({ path: '', remote: entry.name, apiUrl: config.github.api_url })
      cache = await createCache(
        cacheOptionsFromConfig({ cache: config.cache, root: options.cloneDir, env, repository }),
      )
    } else {
      return {
        status: 'missing',
        outcome: { detail: `no clone in ${clone} and no shared cache ([cache] url): analyse it first` },
      }
    }
  }
  try {
    const found = await newestReport(cache)
    if (found === null)
      return {
        status: 'missing',
        outcome: { detail: 'no finished run stored: analyse it first', ...(dir === undefined ? {} : { dir }) },
      }
    return { ...found, outcome: { ...found.outcome, ...(dir === undefined ? {} : { dir }) } }
  } finally {
    await cache.close()
  }
}
