import { access } from 'node:fs/promises'
import type { RunRecord, RunStore } from '@gitlore/core'

/** Runs looked at, newest first, for the one that last wrote a path. */
const lookBack = 20

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  )

/**
 * The stored run that last wrote any of `paths`, when its findings came from the agent without a
 * problem and those files are still there: outputs a degraded synthesis should not replace. Null
 * when the newest writer of those paths was itself offline or degraded, or none is stored.
 */
export async function previousGoodOutputs(store: RunStore, paths: readonly string[]): Promise<RunRecord | null> {
  const present = new Set<string>()
  for (const path of paths) if (await exists(path)) present.add(path)
  if (present.size === 0) return null
  for (const summary of await store.listRuns(lookBack)) {
    const run = await store.getRun(summary.id)
    if (run === null || !(run.outputPaths ?? []).some((path) => present.has(path))) continue
    const synthesis = run.stages.find((stage) => stage.stage === 'synthesis')
    const synthesizer = (run.report as { readonly synthesizer?: unknown } | null)?.synthesizer
    const good = synthesis?.status === 'ok' && typeof synthesizer === 'string' && synthesizer !== 'offline'
    return good ? run : null
  }
  return null
}
