import type {
  ClassifiedComment,
  Finding,
  PullRequest,
  RepositoryContext,
  ReviewCluster,
  ReviewStats,
} from '@gitlore/core'
import type { AgentRun } from './agent/agent-run.js'

/** Which implementation produced a synthesis. */
export type SynthesizerKind = 'offline' | 'agent'

/**
 * What a synthesizer works from: the git statistics always, the review data when the run has it
 * (a git-only run has none of the review fields).
 */
export interface SynthesisInput {
  /** The repository context (git statistics) of the run. */
  readonly context: RepositoryContext
  /** Recurring review themes from clustering, largest first. */
  readonly clusters?: readonly ReviewCluster[]
  /** Every review comment with its classification (failed ones included). */
  readonly classified?: readonly ClassifiedComment[]
  /** Ids of notable one-off comments from clustering; default: derived from `classified` and `clusters`. */
  readonly notableCommentIds?: readonly string[]
  /** The pull requests of the window. */
  readonly pullRequests?: readonly PullRequest[]
  /** Review statistics over those pull requests. */
  readonly reviewStats?: ReviewStats
  /** The repository's working tree, for the agent's tools and citation checks; overrides the agent's option. */
  readonly repositoryDir?: string
  /** Stops the synthesis early; the promise then rejects with the signal's reason. */
  readonly signal?: AbortSignal
}

/** The findings of one synthesis, severest first, with notes on what was skipped and why. */
export interface SynthesisResult {
  /** Ordered by `compareFindings`: severity, then review-backed first, then category and title. */
  readonly findings: readonly Finding[]
  /** The implementation that produced the findings, for the report header. */
  readonly synthesizer: SynthesizerKind
  /** Plain sentences about the synthesis itself: thin data, findings left out, limits. */
  readonly notes: readonly string[]
  /** The agent's run record (transcript, raw output, budgets, dropped citations, usage); agent only. */
  readonly agent?: AgentRun
}

/** Turns the analysis of a repository into findings. Implementations: offline (statistical) and agent (LLM). */
export interface Synthesizer {
  readonly kind: SynthesizerKind
  synthesize(input: SynthesisInput): Promise<SynthesisResult>
}
