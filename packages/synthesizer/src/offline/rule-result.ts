import type { Finding, Severity } from '@gitlore/core'
import { severities } from '@gitlore/core'

/** What one rule of the offline synthesizer found, and what it wants the reader to know. */
export interface RuleResult {
  readonly findings: readonly Finding[]
  readonly notes: readonly string[]
}

/** 0 for high, 1 for medium, 2 for low. */
export function severityRank(severity: Severity): number {
  return severities.indexOf(severity)
}

/** The first `max` findings (already in priority order), with a note saying how many were left out. */
export function takeTop(findings: readonly Finding[], max: number, label: string): RuleResult {
  if (findings.length <= max) return { findings, notes: [] }
  const left = findings.length - max
  return {
    findings: findings.slice(0, max),
    notes: [`${left} more ${label} left out (limit ${max}); the full statistics are in .gitlore/context.json.`],
  }
}
