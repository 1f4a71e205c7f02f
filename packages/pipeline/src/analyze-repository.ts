import { join, resolve } from 'node:path'
import type { GitloreCache } from '@gitlore/cache'
import type {
  Finding,
  GitloreConfig,
  ModelUsageRecord,
  OutputFormat,
  RepositoryContext,
  RunRecord,
  StageStatus,
} from '@gitlore/core'
import { degradesRun, stableHash } from '@gitlore/core'
import type { DegradedStage, ReportInput, WrittenOutput } from '@gitlore/formatters'
import { appendRunLog } from './append-run-log.js'
import { type CollectContextOptions, gatherContext } from './collect-context.js'
import { openModelRegistry, type RunModels } from './open-model-registry.js'
import { createEmitter, eventLine, type PipelineEvent, type PipelineStage } from './pipeline-event.js'
import { previousGoodOutputs } from './previous-good-outputs.js'
import { recordStoppedRun } from './record-stopped-run.js'
import { refreshKnowledgeIndex } from './refresh-knowledge-index.js'
import { runId } from './run-id.js'
import { runReviewStages } from './run-review-stages.js'
import { runSynthesis } from './run-synthesis.js'
import { stageLines } from './stage-lines.js'
import { summarizeRun } from './summarize-run.js'
import { throwIfInterrupted } from './throw-if-interrupted.js'

/** What `analyzeRepository` analyses and where it writes. */
export interface AnalyzeRepositoryOptions extends CollectContextOptions {
  /** The outputs to write (`report`, `html`, `xml`, `json`, `claude_md`, ...); default `[output] formats`. */
  readonly formats?: readonly OutputFormat[]
  /** Where the outputs go (relative: to the working directory); default `[output] dir` under the repository root. */
  readonly outDir?: string
  /**
   * Render the outputs without writing them (their content is in `outputs`) and leave
   * `.gitlore/context.json` alone; the cache and the stored run are still written.
   */
  readonly dryRun?: boolean
}

/** Everything a run produced. */
export interface AnalyzeResult {
  /** The run's id; `gitlore render --run <id>` renders it again when it was stored. */
  readonly runId: string
  /** Whether the run is in the cache (false when the run had no cache). */
  readonly stored: boolean
  /** The repository's top-level directory. */
  readonly root: string
  /** The effective configuration of the run. */
  readonly config: GitloreConfig
  readonly context: RepositoryContext
  /** Severest first. */
  readonly findings: readonly Finding[]
  /** Every stage's status; any not `ok` (with its reason in `detail`) makes the run degraded. */
  readonly stages: readonly StageStatus[]
  /** True when some stage did not work as configured (the CLI exits 3). */
  readonly degraded: boolean
  /** The outputs, written (or, on a dry run, only rendered), with their content. */
  readonly outputs: readonly WrittenOutput[]
  /** Tokens and estimated cost per model. */
  readonly usage: readonly ModelUsageRecord[]
  /** The agent's steps and tool calls, when the agent wrote the findings. */
  readonly agent?: { readonly steps: number; readonly toolCalls: number }
  /** Wall time of the whole run. */
  readonly durationMs: number
  /** The run as stored: what `gitlore render` re-renders. */
  readonly run: RunRecord
}

/**
 * The whole run: history and statistics, review data, classification and review themes, findings
 * (the agent, or the offline synthesizer), the outputs, the run stored in the cache and its lines
 * appended to `.gitlore/gitlore.log`. A stage that cannot run as configured falls back (git-only,
 * offline) and is reported in `stages`; errors that stop the run (a bad path, a bad configuration
 * key, an abort) reject with a `GitloreError` or the signal's reason.
 */
export async function analyzeRepository(options: AnalyzeRepositoryOptions = {}): Promise<AnalyzeResult> {
  const started = Date.now()
  const startedAt = new Date(started).toISOString()
  const id = runId(started)
  const signal = options.signal ?? new AbortController().signal
  const lines: string[] = []
  const listener = createEmitter(options.onEvent)
  // The stage the run is in, for the record of a run that stops.
  let current: PipelineStage = 'history'
  const emit = (event: PipelineEvent) => {
    if (event.type !== 'agent') current = event.stage
    const line = eventLine(event)
    if (line !== undefined) lines.push(line)
    listener(event)
  }
  const dryRun = options.dryRun === true
  const env = options.env ?? process.env
  const stages: StageStatus[] = []
  let repository: { readonly root: string; readonly config: GitloreConfig } | undefined
  let head: string | null = null
  let models: RunModels | undefined
  /** Records a run that stopped (interrupted, failed) once its repository is known, then lets the error through. */
  const stopped = async (error: unknown, cache: GitloreCache | false | undefined): Promise<never> => {
    if (repository !== undefined) {
      await recordStoppedRun({
        id,
        started,
        error,
        interrupted: signal.aborted,
        stage: current,
        ...repository,
        head,
        stages,
        usage: models?.meter.report() ?? [],
        lines,
        cache,
        env,
      })
    }
    throw error
  }
  const gathered = await gatherContext(
    {
      ...options,
      signal,
      writeContext: options.writeContext ?? !dryRun,
      ...(options.formats === undefined
        ? {}
        : { config: { ...options.config, output: { ...options.config?.output, formats: [...options.formats] } } }),
    },
    emit,
    {
      onRepository: (root, config) => {
        repository = { root, config }
      },
      onHead: (planned) => {
        head = planned
      },
    },
  ).catch((error: unknown) => stopped(error, options.cache))
  const { context, config, root, reviews, cache } = gathered
  head = context.repo.head
  try {
    const { checkOutputTargets, quotedComments, reviewAreas, writeOutputs } = await import('@gitlore/formatters')
    const outDir = options.outDir === undefined ? resolve(root, config.output.dir) : resolve(options.outDir)
    const formats = config.output.formats
    // Before any paid model call: every output can go where it would, without following a link.
    // A run stopped by this check is recorded as stopped in the outputs stage.
    const reading = current
    current = 'outputs'
    await checkOutputTargets({ formats, dir: outDir, repositoryDir: root })
    current = reading
    stages.push(...gathered.stages)
    models =
      options.offline === true
        ? undefined
        : await openModelRegistry(root, config, env, {
            // A server that accepts requests and never answers costs this long, then it is cut off.
            responseTimeoutMs: config.models.response_timeout * 1000,
            // Said at once, in the stage that met it; the stage's own status says what fell back.
            onCutOff: (cutOff) => {
              const what =
                cutOff.modelId === undefined ? `provider ${cutOff.provider}` : `${cutOff.provider}/${cutOff.modelId}`
              emit({
                type: 'warning',
                stage: current,
                message: `${what} cut off for the rest of the run: ${cutOff.reason}; what it has not done yet runs offline`,
              })
            },
          })
    signal.throwIfAborted()
    const themes =
      reviews !== null && reviews.comments.length > 0
        ? await runReviewStages({ comments: reviews.comments, config, models, cache, emit, signal })
        : undefined
    stages.push(...(themes?.stages ?? []))
    signal.throwIfAborted()
    const synthesis = await runSynthesis({
      context,
      ...(reviews === null
        ? {}
        : {
            input: {
              pullRequests: reviews.pullRequests,
              reviewStats: reviews.stats,
              ...(themes === undefined
                ? {}
                : {
                    classified: themes.classified,
                    clusters: themes.clusters,
                    notableCommentIds: themes.notableCommentIds,
                  }),
            },
          }),
      config,
      models,
      emit,
      signal,
    })
    const { result } = synthesis
    stages.push(synthesis.status)
    for (const note of result.notes) emit({ type: 'note', stage: 'synthesis', message: `note: ${note}` })
    signal.throwIfAborted()

    const report: ReportInput = {
      context,
      findings: result.findings,
      synthesizer: synthesis.model,
      models: { ...themes?.models, synthesizer: synthesis.model },
      ...(themes === undefined
        ? {}
        : { clusters: themes.clusters, quotes: quotedComments(themes.clusters, reviews?.comments ?? []) }),
      ...(reviews === null
        ? {}
        : { reviews: { ...reviews.stats, repository: reviews.repository, areas: reviewAreas(reviews.comments) } }),
      generatedAt: new Date().toISOString(),
      degradedStages: reportedStages(stages),
      notes: [...result.notes, ...stageLines(stages).notes],
    }
    current = 'outputs'
    let outputs = await writeOutputs(report, { formats, dir: outDir, repositoryDir: root, dryRun: true })
    // A degraded synthesis does not replace reports whose findings the agent wrote without a problem:
    // those stay, and this run's outputs go to its own folder under .gitlore/runs.
    const kept =
      dryRun || synthesis.status.status === 'ok' || cache === undefined
        ? null
        : await previousGoodOutputs(
            cache,
            outputs.map((output) => output.path),
          )
    if (!dryRun) {
      const dir = kept === null ? outDir : join(root, '.gitlore', 'runs', id)
      outputs = await writeOutputs(report, { formats, dir, repositoryDir: root })
    }
    if (kept !== null) {
      emit({
        type: 'warning',
        stage: 'outputs',
        message: `kept the outputs of run ${kept.id} (findings by ${(kept.report as { synthesizer: string }).synthesizer}) instead of replacing them with this degraded run's; this run's are in ${join(root, '.gitlore', 'runs', id)}`,
      })
    }

    if (cache !== undefined) {
      stages.push(
        await refreshKnowledgeIndex({
          store: cache,
          context,
          knowledgeHistory: gathered.knowledgeHistory,
          reviews,
          ...(themes === undefined ? {} : { classified: themes.classified, clusters: themes.clusters }),
          findings: result.findings,
          synthesizer: synthesis.model,
          runId: id,
          emit,
          signal,
        }),
      )
    }

    // An interrupt during the last stages ends the run as interrupted (exit 130), not as finished.
    await throwIfInterrupted(signal)
    // The agent's record, also when its findings were all dropped and the offline ones were used.
    const agentRun = result.agent ?? synthesis.failedAgent?.run
    const degraded = stages.some(degradesRun)
    const run: RunRecord = {
      id,
      status: degraded ? 'degraded' : 'finished',
      startedAt,
      finishedAt: new Date().toISOString(),
      repositoryPath: root,
      head: context.repo.head,
      configHash: stableHash(config),
      stages,
      usage: models?.meter.report() ?? [],
      report,
      findings: result.findings,
      rawOutput: agentRun === undefined ? null : agentRun.rawOutput.join('\n\n'),
      transcript: agentRun?.transcript ?? synthesis.failedAgent?.transcript ?? [],
      ...(agentRun === undefined
        ? {}
        : {
            dropped: {
              findings: agentRun.droppedFindings.details,
              citations: agentRun.droppedCitations.details,
            },
          }),
      ...(dryRun ? {} : { outputPaths: outputs.map((output) => output.path) }),
    }
    await cache?.putRun(run)
    const agent =
      result.agent === undefined
        ? undefined
        : {
            steps: result.agent.stepsUsed,
            toolCalls: result.agent.transcript.reduce(
              (count, entry) => count + ((entry as { toolCalls?: readonly unknown[] }).toolCalls?.length ?? 0),
              0,
            ),
          }
    const durationMs = Date.now() - started
    const summary = summarizeRun({
      stages,
      usage: run.usage,
      ...(agent === undefined ? {} : { agent }),
      findings: result.findings.length,
      outputPaths: outputs.map((output) => output.path),
      dryRun,
      durationMs,
      runId: cache === undefined ? null : run.id,
    })
    for (const message of summary.warnings) emit({ type: 'warning', stage: 'run', message })
    for (const message of summary.notes) emit({ type: 'note', stage: 'run', message })
    await appendRunLog(root, [...lines, `run ${id} ${run.status} (after ${(durationMs / 1000).toFixed(1)} s)`])
    return {
      runId: run.id,
      stored: cache !== undefined,
      root,
      config,
      context,
      findings: result.findings,
      stages,
      degraded,
      outputs,
      usage: run.usage,
      ...(agent === undefined ? {} : { agent }),
      durationMs,
      run,
    }
  } catch (error) {
    return await stopped(error, cache ?? false)
  } finally {
    if (gathered.ownsCache) await cache?.close()
  }
}

/** The stages a report's header lists: those that fell back or failed, and those that finished incomplete. */
function reportedStages(stages: readonly StageStatus[]): DegradedStage[] {
  return stages.flatMap((stage): DegradedStage[] => {
    if (stage.status === 'partial')
      return [{ stage: stage.stage, error: stage.detail ?? 'incomplete', kind: 'partial' }]
    if (!degradesRun(stage)) return []
    return [{ stage: stage.stage, error: stage.detail ?? stage.status, kind: 'degraded' }]
  })
}
