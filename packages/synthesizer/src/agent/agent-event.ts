/**
 * What the agent is doing, as it happens; the CLI prints one line per `tool-result` and, with
 * `--verbose`, streams `reasoning-delta` and `text-delta` (a `<findings>` answer streams once; a
 * repeat is one `text-held` event). Every step's events arrive between its `step-start` and `step-end`.
 */
export type AgentEvent =
  /** The analysis XML is built and the investigation begins. */
  | {
      readonly type: 'start'
      readonly model: string
      readonly stepLimit: number
      readonly minToolSteps: number
      readonly analysisChars: number
      /** What the analysis budget left out. */
      readonly omitted: readonly string[]
    }
  | {
      readonly type: 'step-start'
      readonly step: number
      readonly phase: 'investigation' | 'repair'
      readonly toolChoice: 'auto' | 'required' | 'none'
    }
  | { readonly type: 'reasoning-delta'; readonly step: number; readonly text: string }
  | { readonly type: 'text-delta'; readonly step: number; readonly text: string }
  /** The model asked for a tool (before it runs). */
  | {
      readonly type: 'tool-call'
      readonly step: number
      readonly toolCallId: string
      readonly tool: string
      /** Short argument summary, e.g. `src/db.ts:1-80` or `"revert" author=alice`. */
      readonly summary: string
    }
  /** A tool answered: print `tool summary → N chars` (or the refusal). */
  | {
      readonly type: 'tool-result'
      readonly step: number
      readonly toolCallId: string
      readonly tool: string
      readonly summary: string
      readonly resultChars: number
      readonly truncated: boolean
      /** The refusal or failure message, when the tool refused or failed. */
      readonly error?: string
    }
  | {
      readonly type: 'step-end'
      readonly step: number
      readonly finishReason: string
      readonly inputTokens: number | undefined
      readonly outputTokens: number | undefined
    }
  /**
   * The harness stepped in: the model answered before the budget (`budget`: nudged to go on;
   * `nudge-limit`: nudged enough, its answer is taken), ran out of steps, or needs a repair turn.
   */
  | {
      readonly type: 'harness'
      readonly reason: 'budget' | 'nudge-limit' | 'step-limit' | 'repair'
      readonly message: string
    }
  /**
   * A `<findings>` answer was streamed already in this run, so this step's copy was not sent as
   * `text-delta` events (its text is in the transcript and the raw output): `chars` of it held back.
   */
  | { readonly type: 'text-held'; readonly step: number; readonly chars: number }
  /** Findings parsed, validated and their citations checked. */
  | {
      readonly type: 'verified'
      readonly findings: number
      readonly droppedCitations: number
      readonly droppedFindings: number
    }

/** Receives agent events; a throwing listener is ignored so it cannot break the run. */
export type AgentEventListener = (event: AgentEvent) => void
