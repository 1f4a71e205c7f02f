import type { Finding } from '@gitlore/core'
import { sortFindings } from '../sort-findings.js'
import type { SynthesisInput, SynthesisResult, Synthesizer } from '../synthesizer.js'
import { architectureFindings } from './architecture-findings.js'
import { conventionFindings } from './convention-findings.js'
import { count } from './describe.js'
import { fragileAreaFindings } from './fragile-area-findings.js'
import type { OfflineThresholds } from './offline-thresholds.js'
import { defaultOfflineThresholds } from './offline-thresholds.js'
import { teamFindings } from './team-findings.js'

export interface OfflineSynthesizerOptions {
  /** Overrides of the limits in `defaultOfflineThresholds`. */
  readonly thresholds?: Partial<OfflineThresholds>
}

const scope = 'Offline synthesizer: statistical findings from git history only; no review discussion or code was read.'

/**
 * The synthesizer that needs no model: findings computed from the repository context alone,
 * every number and commit taken from it as is.
 */
export class OfflineSynthesizer implements Synthesizer {
  readonly kind = 'offline'
  readonly #thresholds: OfflineThresholds

  constructor(options: OfflineSynthesizerOptions = {}) {
    this.#thresholds = { ...defaultOfflineThresholds, ...options.thresholds }
  }

  async synthesize({ context, signal }: SynthesisInput): Promise<SynthesisResult> {
    signal?.throwIfAborted()
    const total = context.commits.total
    if (total === 0) {
      return {
        findings: [],
        synthesizer: this.kind,
        notes: [scope, 'No commits in the window, so there is nothing to report.'],
      }
    }
    if (total < this.#thresholds.minCommits) {
      return {
        findings: [],
        synthesizer: this.kind,
        notes: [
          scope,
          `Only ${count(total, 'commit')} in the window: too little history for statistical findings (minimum ${this.#thresholds.minCommits}). Widen the window with --since.`,
        ],
      }
    }
    const results = [fragileAreaFindings, architectureFindings, conventionFindings, teamFindings].map((rule) =>
      rule(context, this.#thresholds),
    )
    return {
      findings: uniqueIds(sortFindings(results.flatMap((result) => result.findings))),
      synthesizer: this.kind,
      notes: [scope, ...results.flatMap((result) => result.notes)],
    }
  }
}

/** Ids are unique by construction; this keeps them unique should two rules ever collide. */
function uniqueIds(findings: readonly Finding[]): Finding[] {
  const seen = new Map<string, number>()
  return findings.map((finding) => {
    const uses = (seen.get(finding.id) ?? 0) + 1
    seen.set(finding.id, uses)
    return uses === 1 ? finding : { ...finding, id: `${finding.id}-${uses}` }
  })
}
