import { resolve } from 'node:path'
import type { OutputFormat, RunRecord } from '@gitlore/core'
import { UsageError } from '@gitlore/core'
import type { ReportInput, WrittenOutput } from '@gitlore/formatters'
import { openRepositoryCache } from './open-repository-cache.js'
import type { RepositoryOptions } from './repository-options.js'

/** Which stored run to render, in which formats, where. */
export interface RenderRunOptions extends RepositoryOptions {
  /** The formats to write. */
  readonly formats: readonly OutputFormat[]
  /** The run: its id or a unique prefix of it; default: the newest stored run. */
  readonly runId?: string
  /** Where the outputs go (relative: to the working directory); default `[output] dir` under the repository root. */
  readonly outDir?: string
}

/** Writes outputs of a stored run again, byte for byte as the run wrote them, with no new work. */
export async function renderRun(
  options: RenderRunOptions,
): Promise<{ readonly run: RunRecord; readonly outputs: readonly WrittenOutput[] }> {
  const { root, config, cache } = await openRepositoryCache(options)
  try {
    const run = options.runId === undefined ? await cache.latestRun() : await cache.getRun(options.runId)
    if (run === null) {
      throw new UsageError(
        options.runId === undefined
          ? 'no runs stored yet: run gitlore analyze first'
          : `no run "${options.runId}" (or it matches several): gitlore runs lists them`,
      )
    }
    if (run.report === null || run.report === undefined) {
      throw new UsageError(
        `run ${run.id} ${run.status ?? 'stopped'} before it had a report${run.error === undefined ? '' : ` (${run.error})`}: render a run that finished (gitlore runs lists them)`,
      )
    }
    const { writeOutputs } = await import('@gitlore/formatters')
    const dir = options.outDir === undefined ? resolve(root, config.output.dir) : resolve(options.outDir)
    const outputs = await writeOutputs(run.report as ReportInput, {
      formats: options.formats,
      dir,
      repositoryDir: root,
    })
    return { run, outputs }
  } finally {
    await cache.close()
  }
}
