import type { StageStatus } from '@gitlore/core'

/**
 * The closing lines about stages that were not plainly ok: a stage that fell back or failed, or
 * finished with some items failed, is a warning; one not applicable here is a note.
 */
export function stageLines(stages: readonly StageStatus[]): { warnings: string[]; notes: string[] } {
  const warnings: string[] = []
  const notes: string[] = []
  for (const stage of stages) {
    const detail = stage.detail ?? stage.status
    if (stage.status === 'degraded' || stage.status === 'failed') warnings.push(`${stage.stage}: ${detail}`)
    else if (stage.status === 'partial') warnings.push(`${stage.stage} incomplete: ${detail}`)
    else if (stage.status === 'skipped') notes.push(`${stage.stage} not applicable: ${detail}`)
  }
  return { warnings, notes }
}
