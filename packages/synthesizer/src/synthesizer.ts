import type { Finding, RepositoryContext } from '@gitlore/core'

/** Which implementation produced a synthesis (the LLM agent joins as `agent`). */
export type SynthesizerKind = 'offline'

/**
 * What a synthesizer works from. Review clusters, classified comments and review/CI statistics
 * join as optional fields when those stages land, so today's callers keep compiling.
 */
export interface SynthesisInput {
  /** The repository context (git statistics) of the run. */
  readonly context: RepositoryContext
  /** Stops the synthesis early; the promise then rejects with the signal's reason. */
  readonly signal?: AbortSignal
}

/** The findings of one synthesis, severest first, with notes on what was skipped and why. */
export interface SynthesisResult {
  /** Ordered by severity (high first), then category, then title. */
  readonly findings: readonly Finding[]
  /** The implementation that produced the findings, for the report header. */
  readonly synthesizer: SynthesizerKind
  /** Plain sentences about the synthesis itself: thin data, findings left out, limits. */
  readonly notes: readonly string[]
}

/** Turns the analysis of a repository into findings. Implementations: offline (statistical). */
export interface Synthesizer {
  readonly kind: SynthesizerKind
  synthesize(input: SynthesisInput): Promise<SynthesisResult>
}
