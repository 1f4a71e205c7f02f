import type { Evidence, Finding, RepositoryInfo, TimeWindow } from '@gitlore/core'
import type { DegradedStage, ReportInput } from '../formatter.js'

/** findings.json, version 1: the run's findings with what they were made from. */
export interface FindingsDocument {
  readonly schemaVersion: 1
  /** When the findings were rendered, ISO 8601. */
  readonly generatedAt: string
  readonly repo: RepositoryInfo
  readonly window: TimeWindow
  /** Which synthesizer wrote the findings, e.g. `offline` or a model name. */
  readonly synthesizer: string
  readonly findings: readonly Finding[]
  /** Stages that failed; empty when the run was complete. */
  readonly degradedStages: readonly DegradedStage[]
  readonly notes: readonly string[]
}

function evidence(item: Evidence): Evidence {
  return item.ref === undefined
    ? { source: item.source, text: item.text }
    : { source: item.source, text: item.text, ref: item.ref }
}

/** A finding with its keys in one fixed order, so the same finding always serialises the same way. */
function finding(item: Finding): Finding {
  return {
    id: item.id,
    title: item.title,
    category: item.category,
    severity: item.severity,
    insight: item.insight,
    evidence: item.evidence.map(evidence),
    files: [...item.files],
  }
}

/** The document findings.json and findings.xml carry, built from a report input. */
export function findingsDocument(input: ReportInput): FindingsDocument {
  const { repo, window } = input.context
  return {
    schemaVersion: 1,
    generatedAt: input.generatedAt,
    repo: { path: repo.path, head: repo.head, branch: repo.branch, remote: repo.remote },
    window: { since: window.since, until: window.until },
    synthesizer: input.synthesizer,
    findings: input.findings.map(finding),
    degradedStages: (input.degradedStages ?? []).map((item) => ({ stage: item.stage, error: item.error })),
    notes: [...(input.notes ?? [])],
  }
}
