/** One tool call of a step, as the transcript keeps it (results are sized, not stored). */
export interface TranscriptToolCall {
  readonly toolCallId: string
  readonly tool: string
  /** The arguments as the model sent them. */
  readonly input: unknown
  /** A short human-readable form of the arguments, e.g. `src/db.ts:1-80`. */
  readonly summary: string
  /** Characters of the result the model received. */
  readonly resultChars: number
  /** True when the result was cut at the tool's limit. */
  readonly truncated: boolean
  /** The refusal or failure message when the tool refused or failed. */
  readonly error?: string
}

/** What happened in one model call of the run. */
export interface TranscriptStep {
  readonly kind: 'step'
  /** 0-based over the whole run (investigation steps, then the repair turn). */
  readonly index: number
  /** `investigation` for the tool loop; `repair` for the one turn fixing an empty or invalid answer. */
  readonly phase: 'investigation' | 'repair'
  /** The tool choice the harness imposed on the step: `required` until the budget is met, `none` on the last. */
  readonly toolChoice: 'auto' | 'required' | 'none'
  readonly reasoning: string
  readonly text: string
  readonly toolCalls: readonly TranscriptToolCall[]
  /** The ai SDK's finish reason: `stop`, `tool-calls`, `length`, `error`, ... */
  readonly finishReason: string
  /** An error the step ended with but the run survived (e.g. a tool call where none was allowed). */
  readonly error?: string
  readonly inputTokens: number | undefined
  readonly outputTokens: number | undefined
}

/** A message the harness (not the model) added to the conversation. */
export interface TranscriptHarnessMessage {
  readonly kind: 'harness'
  /** `budget`: the model answered before the minimum investigation (a nudge); `repair`: the answer was empty or invalid. */
  readonly reason: 'budget' | 'repair'
  readonly text: string
}

/** The agent's transcript, in order. */
export type TranscriptEntry = TranscriptStep | TranscriptHarnessMessage

/** Citations removed because they did not resolve, by kind. */
export interface DroppedCitations {
  readonly total: number
  /** Commit shas `git cat-file -e` does not know. */
  readonly commits: number
  /** PR numbers or URLs absent from the review data. */
  readonly pullRequests: number
  /** Paths neither in the working tree nor in the history (or lines past the end of the file). */
  readonly paths: number
  /** Refs of no recognisable kind. */
  readonly other: number
  /** Entries of a finding's `files` that do not exist now or in history. */
  readonly files: number
  /** Each dropped citation: the finding's title, the ref and why. */
  readonly details: readonly { readonly finding: string; readonly ref: string; readonly reason: string }[]
}

/** Findings the agent wrote that were not kept. */
export interface DroppedFindings {
  /** Failed strict validation (after the repair turn, if any). */
  readonly invalid: number
  /** Left without any resolvable citation once unresolvable ones were dropped. */
  readonly unsupported: number
  /** Each dropped finding: its title and why. */
  readonly details: readonly { readonly title: string; readonly reason: string }[]
}

/**
 * How the agent's work came out: `findings` (some kept), `none` (it answered with an empty
 * `<findings>`: nothing worth reporting), `rejected` (it wrote findings and every one was dropped),
 * `no-answer` (no `<findings>` answer at all, even after the repair turn). The last two mean the
 * agent's synthesis failed; the pipeline then uses the offline synthesizer.
 */
export type AgentOutcome = 'findings' | 'none' | 'rejected' | 'no-answer'

/** Tokens of the run, summed over every model call. */
export interface AgentUsage {
  readonly requests: number
  readonly inputTokens: number
  readonly outputTokens: number
}

/** The agent's part of the run record: enough to audit, replay in a report, or debug a run. */
export interface AgentRun {
  /** The model's `provider/model` name. */
  readonly model: string
  /** Hash of the prompt texts, so runs with different prompts can be told apart. */
  readonly promptHash: string
  /** Most model calls of the investigation (the repair turn comes on top). */
  readonly stepLimit: number
  /** Tool steps required before an answer is accepted. */
  readonly minToolSteps: number
  /** Investigation steps used. */
  readonly stepsUsed: number
  /** Steps among them that called tools. */
  readonly toolSteps: number
  /** True when the investigation ran out of steps before the model answered on its own. */
  readonly stepLimitHit: boolean
  /** True when the minimum investigation was not reached (the model kept answering and steps ran out). */
  readonly budgetMissed: boolean
  /** "Not yet" nudges sent for answers that came before the minimum investigation (at most `maxNudges`). */
  readonly nudges: number
  /** How it came out; `rejected` and `no-answer` mean no usable findings. */
  readonly outcome: AgentOutcome
  /** True when the one repair turn was used, and why. */
  readonly repair: { readonly used: boolean; readonly reason: string | null }
  /** Characters of the analysis XML and what its budget left out. */
  readonly analysis: { readonly chars: number; readonly omitted: readonly string[] }
  /** The model's final answers, verbatim: the investigation's, then the repair turn's if there was one. */
  readonly rawOutput: readonly string[]
  readonly transcript: readonly TranscriptEntry[]
  readonly droppedCitations: DroppedCitations
  readonly droppedFindings: DroppedFindings
  readonly usage: AgentUsage
}
