import { ReviewIndex } from '../review/review-index.js'
import { sortFindings } from '../sort-findings.js'
import type { SynthesisInput, SynthesisResult, Synthesizer } from '../synthesizer.js'
import { uniqueIds } from '../unique-ids.js'
import { architectureFindings } from './architecture-findings.js'
import { ciFindings } from './ci-findings.js'
import { conventionFindings } from './convention-findings.js'
import { count } from './describe.js'
import { fragileAreaFindings } from './fragile-area-findings.js'
import type { OfflineThresholds } from './offline-thresholds.js'
import { defaultOfflineThresholds } from './offline-thresholds.js'
import { reviewTeamFindings } from './review-team-findings.js'
import { reviewThemeFindings } from './review-theme-findings.js'
import type { RuleResult } from './rule-result.js'
import { teamFindings } from './team-findings.js'

export interface OfflineSynthesizerOptions {
  /** Overrides of the limits in `defaultOfflineThresholds`. */
  readonly thresholds?: Partial<OfflineThresholds>
}

const gitScope =
  'Offline synthesizer: statistical findings from git history only; no review discussion or code was read.'
const reviewScope =
  'Offline synthesizer: statistical findings from review themes, review statistics and git history; no model was used and no code was read.'

/**
 * The synthesizer that needs no model: findings computed from the repository context and, when the
 * run has them, the review themes, classified comments and review statistics, every number,
 * comment and commit taken from them as is. Review-backed findings lead.
 */
export class OfflineSynthesizer implements Synthesizer {
  readonly kind = 'offline'
  readonly #thresholds: OfflineThresholds

  constructor(options: OfflineSynthesizerOptions = {}) {
    this.#thresholds = { ...defaultOfflineThresholds, ...options.thresholds }
  }

  async synthesize(input: SynthesisInput): Promise<SynthesisResult> {
    input.signal?.throwIfAborted()
    const { context } = input
    const thresholds = this.#thresholds
    const reviews = new ReviewIndex(input)
    const hasReviews = !reviews.isEmpty || input.reviewStats !== undefined
    const scope = hasReviews ? reviewScope : gitScope
    const total = context.commits.total
    const results: RuleResult[] = []
    const notes: string[] = [scope]
    if (hasReviews) {
      results.push(reviewThemeFindings(context, reviews, thresholds))
      results.push(reviewTeamFindings(context, reviews, input.reviewStats, thresholds))
    }
    if (context.ci !== undefined) results.push(ciFindings(context))
    if (total === 0) notes.push('No commits in the window, so the git history adds nothing.')
    else if (total < thresholds.minCommits) {
      notes.push(
        `Only ${count(total, 'commit')} in the window: too little history for statistical findings (minimum ${thresholds.minCommits}). Widen the window with --since.`,
      )
    } else {
      for (const rule of [fragileAreaFindings, architectureFindings, conventionFindings, teamFindings]) {
        results.push(rule(context, thresholds))
      }
    }
    const findings = uniqueIds(sortFindings(results.flatMap((result) => result.findings)))
    if (findings.length === 0 && total === 0 && !hasReviews) {
      return {
        findings,
        synthesizer: this.kind,
        notes: [gitScope, 'No commits in the window, so there is nothing to report.'],
      }
    }
    return { findings, synthesizer: this.kind, notes: [...notes, ...results.flatMap((result) => result.notes)] }
  }
}
