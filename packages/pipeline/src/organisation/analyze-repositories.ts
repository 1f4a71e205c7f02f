import { mkdir } from 'node:fs/promises'
import { homedir } from 'node:os'
import { basename, join, relative, resolve } from 'node:path'
import { degradesRun, GitloreError, loadConfig, resolveWindow } from '@gitlore/core'
import type {
  OrganisationRepository,
  OrganisationRollUp,
  ReportInput,
  WrittenOrganisationReport,
} from '@gitlore/formatters'
import { type AnalyzeRepositoryOptions, analyzeRepository } from '../analyze-repository.js'
import type { PipelineEvent } from '../pipeline-event.js'
import { cloneRepository } from './clone-repository.js'
import type { RepositoryListEntry } from './repository-list.js'
import { latestStoredReport } from './stored-report.js'

/** How one repository of a `--repos` run ended. */
export interface RepositoryOutcome {
  /** As the list names it: `owner/name` or a path. */
  readonly name: string
  readonly status: OrganisationRepository['status']
  /** Why it failed or is missing, or which stages were degraded. */
  readonly detail?: string
  /** The directory analysed (a clone for `owner/name`). */
  readonly dir?: string
  /** Where its own outputs went. */
  readonly outDir?: string
  readonly runId?: string
  readonly findings?: number
  readonly durationMs: number
}

/** What an organisation run is doing, per repository. */
export type RepositoriesEvent =
  | {
      readonly type: 'repository-started'
      readonly repository: string
      /** 1-based position in the list. */
      readonly index: number
      readonly total: number
    }
  /** One of the repository's own pipeline events. */
  | { readonly type: 'repository-event'; readonly repository: string; readonly event: PipelineEvent }
  | { readonly type: 'repository-finished'; readonly repository: string; readonly outcome: RepositoryOutcome }

/** What `analyzeRepositories` analyses and where it writes. */
export interface AnalyzeRepositoriesOptions
  extends Omit<AnalyzeRepositoryOptions, 'dir' | 'outDir' | 'dryRun' | 'cache' | 'onEvent' | 'writeContext'> {
  readonly repositories: readonly RepositoryListEntry[]
  /** Repositories analysed at the same time; default 2. */
  readonly concurrency?: number
  /** Where `owner/name` repositories are cloned; default `$XDG_CACHE_HOME/gitlore/repositories`. */
  readonly cloneDir?: string
  /** Where the organisation report goes; each repository's outputs go to a folder in it. */
  readonly outDir: string
  /**
   * Analyse nothing: roll up each repository's latest stored run (from a shared PostgreSQL cache, or a
   * clone's or directory's own cache), e.g. after a CI matrix analysed them one per job.
   */
  readonly rollUpOnly?: boolean
  /** Receives each repository's start, events and end as they happen. */
  readonly onEvent?: (event: RepositoriesEvent) => void
}

/** Everything an organisation run produced. */
export interface AnalyzeRepositoriesResult {
  readonly repositories: readonly RepositoryOutcome[]
  readonly rollUp: OrganisationRollUp
  /** The organisation report's files. */
  readonly outputs: readonly WrittenOrganisationReport[]
  /** True when any repository failed, is missing or was degraded (the CLI exits 3; 1 when none was analysed). */
  readonly degraded: boolean
}

/** `$XDG_CACHE_HOME/gitlore/repositories`, else `~/.cache/gitlore/repositories`. */
export function defaultCloneDir(env: Readonly<Record<string, string | undefined>>): string {
  const base =
    env.XDG_CACHE_HOME && env.XDG_CACHE_HOME !== '' ? env.XDG_CACHE_HOME : join(env.HOME ?? homedir(), '.cache')
  return join(base, 'gitlore', 'repositories')
}

/** A folder name for each repository's outputs: `owner--name`, or the directory's name; unique in the run. */
function folderNames(entries: readonly RepositoryListEntry[]): string[] {
  const used = new Map<string, number>()
  return entries.map((entry) => {
    const base = (entry.kind === 'github' ? `${entry.owner}--${entry.repo}` : basename(entry.path) || 'repository')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^\.+/, '_')
    const seen = used.get(base.toLowerCase()) ?? 0
    used.set(base.toLowerCase(), seen + 1)
    return seen === 0 ? base : `${base}-${seen + 1}`
  })
}

function oneLine(error: unknown): string {
  const message = GitloreError.isInstance(error) || error instanceof Error ? error.message : String(error)
  return message.split('\n')[0]?.trim() ?? ''
}

/** A link from the organisation report to a repository's own report, when it lies under the report's folder. */
function linkTo(outDir: string, paths: readonly string[] | undefined): { reportLink?: string } {
  const report =
    paths?.find((path) => path.endsWith('gitlore-report.md')) ?? paths?.find((path) => path.endsWith('.html'))
  if (report === undefined) return {}
  const link = relative(outDir, report)
  if (link.startsWith('..') || resolve(outDir, link) !== resolve(report)) return {}
  return { reportLink: link.split('\\').join('/') }
}

/**
 * Analyses many repositories into one organisation report. Each `owner/name` is cloned (or its clone
 * fetched) into the clone directory, shallow to the window; each repository is analysed with
 * `analyzeRepository` into its own folder under `outDir`, at most `concurrency` at once; a repository
 * that fails is recorded with why and never stops the others. Then `gitlore-org-report.md` and `.html`
 * roll up the themes that recur across repositories, the reviewers across them and each one's hotspots.
 * An abort stops every run and rejects with the signal's reason.
 */
export async function analyzeRepositories(options: AnalyzeRepositoriesOptions): Promise<AnalyzeRepositoriesResult> {
  const env = options.env ?? process.env
  const signal = options.signal ?? new AbortController().signal
  const outDir = resolve(options.outDir)
  const cloneDir = resolve(options.cloneDir ?? defaultCloneDir(env))
  const folders = folderNames(options.repositories)
  const emit = (event: RepositoriesEvent) => {
    try {
      options.onEvent?.(event)
    } catch {
      // A listener's failure is the listener's.
    }
  }
  await mkdir(cloneDir, { recursive: true })
  // The user's own settings (clone URL, API URL, window) decide where clones come from.
  const { config: userConfig } = await loadConfig({
    repositoryDir: cloneDir,
    configPath: options.configPath,
    env,
    ...(options.config === undefined ? {} : { overrides: options.config }),
  })
  const window = resolveWindow({
    since: options.since ?? userConfig.analysis.since,
    until: options.until ?? userConfig.analysis.until,
  })
  const total = options.repositories.length
  const outcomes: RepositoryOutcome[] = []
  const rolled: OrganisationRepository[] = []

  const analyseOne = async (index: number): Promise<void> => {
    const entry = options.repositories[index] as RepositoryListEntry
    const started = Date.now()
    const folder = join(outDir, folders[index] as string)
    emit({ type: 'repository-started', repository: entry.name, index: index + 1, total })
    let outcome: RepositoryOutcome
    let rollUp: OrganisationRepository
    try {
      if (options.rollUpOnly === true) {
        const stored = await latestStoredReport({
          entry,
          cloneDir,
          configPath: options.configPath,
          env,
          config: options.config,
        })
        outcome = { name: entry.name, status: stored.status, durationMs: Date.now() - started, ...stored.outcome }
        rollUp = {
          name: entry.name,
          status: stored.status,
          ...stored.outcome,
          ...(stored.report === undefined ? {} : { report: stored.report }),
          ...linkTo(outDir, stored.outputPaths),
        }
      } else {
        const dir =
          entry.kind === 'path'
            ? entry.path
            : (
                await cloneRepository({
                  owner: entry.owner,
                  repo: entry.repo,
                  cloneDir,
                  cloneUrl: userConfig.github.clone_url,
                  apiUrl: userConfig.github.api_url,
                  since: options.since === 'all' || userConfig.analysis.since === 'all' ? null : window.since,
                  token: env.GITHUB_TOKEN || env.GH_TOKEN || undefined,
                  env,
                  signal,
                })
              ).dir
        const {
          rollUpOnly: _,
          repositories: __,
          concurrency: ___,
          cloneDir: ____,
          outDir: _____,
          onEvent: ______,
          ...shared
        } = options
        const result = await analyzeRepository({
          ...shared,
          // A clone's reviews are those of the repository it was cloned as, whatever the clone URL.
          ...(entry.kind === 'github'
            ? { config: { ...options.config, github: { ...options.config?.github, repo: entry.name } } }
            : {}),
          dir,
          outDir: folder,
          signal,
          onEvent: (event) => emit({ type: 'repository-event', repository: entry.name, event }),
        })
        const degradedStages = result.stages.filter(degradesRun).map((stage) => stage.stage)
        const status = result.degraded ? 'degraded' : 'ok'
        const detail = degradedStages.length === 0 ? undefined : `degraded: ${degradedStages.join(', ')}`
        outcome = {
          name: entry.name,
          status,
          ...(detail === undefined ? {} : { detail }),
          dir: result.root,
          outDir: folder,
          runId: result.runId,
          findings: result.findings.length,
          durationMs: Date.now() - started,
        }
        rollUp = {
          name: entry.name,
          status,
          ...(detail === undefined ? {} : { detail }),
          report: result.run.report as ReportInput,
          runId: result.runId,
          ...linkTo(
            outDir,
            result.outputs.map((output) => output.path),
          ),
        }
      }
    } catch (error) {
      if (signal.aborted) throw signal.reason
      const detail = oneLine(error)
      outcome = { name: entry.name, status: 'failed', detail, durationMs: Date.now() - started }
      rollUp = { name: entry.name, status: 'failed', detail }
    }
    outcomes[index] = outcome
    rolled[index] = rollUp
    emit({ type: 'repository-finished', repository: entry.name, outcome })
  }

  let next = 0
  const worker = async () => {
    while (next < total) {
      signal.throwIfAborted()
      await analyseOne(next++)
    }
  }
  const workers = Math.max(1, Math.min(options.concurrency ?? 2, total))
  const settled = await Promise.allSettled(Array.from({ length: workers }, worker))
  const failure = settled.find((result) => result.status === 'rejected')
  if (failure !== undefined) throw (failure as PromiseRejectedResult).reason

  const { rollUpOrganisation, writeOrganisationReport } = await import('@gitlore/formatters')
  const rollUp = rollUpOrganisation(rolled)
  const outputs = await writeOrganisationReport(rollUp, { dir: outDir })
  return {
    repositories: outcomes,
    rollUp,
    outputs,
    degraded: outcomes.some((outcome) => outcome.status !== 'ok'),
  }
}
