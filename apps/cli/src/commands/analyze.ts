import { randomBytes } from 'node:crypto'
import { appendFile, mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { RunRecord, StageStatus } from '@gitlore/core'
import { stableHash } from '@gitlore/core'
import type { CommandInput } from '../main.js'
import { collectContext } from '../pipeline/collect-context.js'
import { openModelRegistry } from '../pipeline/model-registry.js'
import { runReviewStages } from '../pipeline/run-review-stages.js'
import { runSynthesis } from '../pipeline/run-synthesis.js'
import { Progress } from '../progress.js'
import { exitCodes } from '../terminal.js'

/**
 * `gitlore analyze`: history and reviews, classification and review themes, findings, reports,
 * and the run stored in the cache so `gitlore render` can reproduce its outputs. Each stage that
 * cannot run as configured falls back (git-only, offline) and is recorded as degraded (exit 3).
 */
export async function runAnalyze({ flags, terminal, signal }: CommandInput): Promise<number> {
  const started = Date.now()
  const startedAt = new Date(started).toISOString()
  const progress = new Progress(terminal)
  const dryRun = flags['dry-run'] === true
  const collected = await collectContext(flags, terminal, progress, signal, { writeContext: !dryRun, keepCache: true })
  const { context, config, root, degraded, cache, reviews } = collected
  try {
    const stages: StageStatus[] = [
      { stage: 'history', status: 'ok', durationMs: Date.now() - started },
      ...degraded.map((stage): StageStatus => ({ stage: stage.stage, status: 'degraded', detail: stage.error })),
    ]
    const offline = flags.offline === true
    const models = offline ? undefined : await openModelRegistry(root, config, terminal.env)
    const themes =
      reviews !== null && reviews.comments.length > 0
        ? await runReviewStages({ comments: reviews.comments, config, models, cache, progress, signal })
        : undefined
    stages.push(...(themes?.stages ?? []))
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
      progress,
      terminal,
      verbose: flags.verbose === true,
      signal,
    })
    const { result } = synthesis
    stages.push(synthesis.status)
    for (const note of result.notes) progress.note(`note: ${note}`)
    const { quotedComments, reviewAreas, writeOutputs } = await import('@gitlore/formatters')

    const report = {
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
      degradedStages: stages
        .filter((stage) => stage.status !== 'ok')
        .map((stage) => ({ stage: stage.stage, error: stage.detail ?? stage.status })),
      notes: result.notes,
    }
    const outDir = typeof flags.out === 'string' ? resolve(terminal.cwd, flags.out) : resolve(root, config.output.dir)
    const written = await writeOutputs(report, { formats: config.output.formats, dir: outDir, dryRun })
    if (dryRun) for (const output of written) terminal.stdout(output.content)

    const run: RunRecord = {
      id: runId(started),
      startedAt,
      finishedAt: new Date().toISOString(),
      repositoryPath: root,
      head: context.repo.head,
      configHash: stableHash(config),
      stages,
      usage: models?.meter.report() ?? [],
      report,
      findings: result.findings,
      rawOutput: result.agent === undefined ? null : result.agent.rawOutput.join('\n\n'),
      transcript: result.agent?.transcript ?? [],
    }
    await cache?.putRun(run)
    for (const stage of stages.filter((entry) => entry.status !== 'ok')) {
      progress.note(`warning: ${stage.stage}: ${stage.detail ?? stage.status}`)
    }
    for (const usage of run.usage) {
      const cost = usage.cost === null ? 'cost unknown' : `about $${usage.cost.toFixed(4)}`
      progress.note(
        `${usage.model}: ${usage.requests} requests, ${usage.inputTokens.toLocaleString('en-US')} input and ${usage.outputTokens.toLocaleString('en-US')} output tokens, ${cost}`,
      )
    }
    if (result.agent !== undefined) {
      const toolCalls = result.agent.transcript.reduce(
        (count, entry) => count + ((entry as { toolCalls?: readonly unknown[] }).toolCalls?.length ?? 0),
        0,
      )
      progress.note(`agent: ${result.agent.stepsUsed} steps, ${toolCalls} tool calls`)
    }
    const verb = dryRun ? 'would write' : 'wrote'
    progress.note(
      `${result.findings.length} findings; ${verb} ${written.map((output) => output.path).join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s${cache === undefined ? '' : ` (run ${run.id})`}`,
    )
    await appendLog(root, progress.lines)
    return stages.some((stage) => stage.status !== 'ok') ? exitCodes.degraded : exitCodes.ok
  } finally {
    await cache?.close()
  }
}

/** Sortable and unique enough: the start time to the second plus random hex. */
function runId(started: number): string {
  const stamp = new Date(started)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, '')
  return `${stamp}-${randomBytes(3).toString('hex')}`
}

/** Appends the run's progress lines to `.gitlore/gitlore.log`, for when the terminal has scrolled away. */
async function appendLog(root: string, lines: readonly string[]): Promise<void> {
  const directory = join(root, '.gitlore')
  await mkdir(directory, { recursive: true })
  const stamp = new Date().toISOString()
  await appendFile(join(directory, 'gitlore.log'), lines.map((line) => `${stamp} ${line}\n`).join(''))
}
