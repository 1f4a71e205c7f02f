import type { Finding } from '@gitlore/core'
import { count, list } from '../offline/describe.js'
import type { AgentRun } from './agent-run.js'

/** The notes a report shows about the agent's run: effort, budgets, repairs and what was dropped. */
export function agentNotes(run: AgentRun, findings: readonly Finding[]): string[] {
  const notes = [
    `Agent synthesizer (${run.model}): ${count(run.stepsUsed, 'step')}, ${run.toolSteps} with tool calls (minimum ${run.minToolSteps}, limit ${run.stepLimit}).`,
  ]
  if (run.analysis.omitted.length > 0) {
    notes.push(`The analysis given to the agent was cut to fit its budget: ${run.analysis.omitted.join('; ')}.`)
  }
  if (run.budgetMissed) {
    notes.push(
      `The model kept answering before the minimum investigation of ${count(run.minToolSteps, 'tool step')} (${count(run.nudges, 'nudge')} sent); its findings rest on ${count(run.toolSteps, 'tool step')}.`,
    )
  }
  if (run.stepLimitHit) notes.push(`The investigation used all ${run.stepLimit} steps without answering on its own.`)
  if (run.repair.used) notes.push('The first answer was empty or invalid; the one repair turn was used.')
  const dropped = run.droppedCitations
  if (dropped.total > 0) {
    const kinds = [
      [dropped.commits, 'commit'],
      [dropped.pullRequests, 'pull request'],
      [dropped.paths, 'path'],
      [dropped.files, 'file'],
      [dropped.other, 'other ref'],
    ] as const
    const parts = kinds.filter(([value]) => value > 0).map(([value, label]) => count(value, label))
    notes.push(
      `${count(dropped.total, 'citation')} did not resolve and ${dropped.total === 1 ? 'was' : 'were'} dropped: ${list(parts)}.`,
    )
  }
  const { invalid, unsupported } = run.droppedFindings
  if (invalid > 0)
    notes.push(`${count(invalid, 'finding')} failed validation and ${invalid === 1 ? 'was' : 'were'} dropped.`)
  if (unsupported > 0) {
    notes.push(
      `${count(unsupported, 'finding')} had no resolvable citation left and ${unsupported === 1 ? 'was' : 'were'} dropped.`,
    )
  }
  notes.push(...listed(run.droppedFindings.details.map((item) => `Dropped finding "${item.title}": ${item.reason}.`)))
  notes.push(
    ...listed(dropped.details.map((item) => `Dropped citation of "${item.finding}": ${item.ref} (${item.reason}).`)),
  )
  const singleKind = findings.filter((finding) => new Set(finding.evidence.map((item) => item.source)).size < 2).length
  if (singleKind > 0)
    notes.push(`${count(singleKind, 'finding')} cite${singleKind === 1 ? 's' : ''} only one kind of evidence.`)
  if (run.outcome === 'none') notes.push('The agent reported no findings.')
  if (run.outcome === 'rejected')
    notes.push('Every finding the agent wrote was dropped, so none of them is in this report.')
  if (run.outcome === 'no-answer') notes.push('The agent gave no <findings> answer, even after the repair turn.')
  return notes
}

/** Shown in a report's notes before the rest are only counted; the run record keeps them all. */
const listedDetails = 10

function listed(lines: readonly string[]): string[] {
  if (lines.length <= listedDetails) return [...lines]
  return [...lines.slice(0, listedDetails), `… and ${lines.length - listedDetails} more, all kept in the run record.`]
}
