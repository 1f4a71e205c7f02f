import type { AgentEvent } from '@gitlore/synthesizer'

/** The stages of a run, in order; `cache` and `outputs` are the bookkeeping around them. */
export type PipelineStage =
  | 'history'
  | 'reviews'
  | 'ci'
  | 'classification'
  | 'clustering'
  | 'synthesis'
  | 'knowledge'
  | 'outputs'
  | 'cache'
  | 'run'

/**
 * What a run is doing, as it happens. `progress` events are transient counts (a terminal redraws
 * them in place); every other event carries a finished sentence in `message`, one line, and is what
 * a log keeps. A listener that throws is ignored, so it cannot break the run.
 */
export type PipelineEvent =
  /** `done` of `total` items of a stage; `label` says what is counted ("classifying comments"). */
  | {
      readonly type: 'progress'
      readonly stage: PipelineStage
      readonly label: string
      readonly done: number
      readonly total?: number
    }
  /** A stage finished: "read 120 commits in 40 ms", "classified 80 of 80 comments with offline (...)". */
  | { readonly type: 'stage-done'; readonly stage: PipelineStage; readonly message: string }
  /** Something worth knowing that is not a problem: the model in use, a rate-limit wait, a synthesis note. */
  | { readonly type: 'note'; readonly stage: PipelineStage; readonly message: string }
  /** Something that did not work as configured; the run goes on (and, for a stage, is degraded). */
  | { readonly type: 'warning'; readonly stage: PipelineStage; readonly message: string }
  /**
   * What the investigating agent is doing: tool calls and results, reasoning and text as they stream.
   * `message` is the one-line description of the events worth a line (tool results, harness turns,
   * verification); reasoning and text deltas have none.
   */
  | { readonly type: 'agent'; readonly event: AgentEvent; readonly message?: string }

/** Receives pipeline events. */
export type PipelineEventListener = (event: PipelineEvent) => void

/** The permanent line of an event, as a log or a non-interactive terminal shows it; none for progress and deltas. */
export function eventLine(event: PipelineEvent): string | undefined {
  switch (event.type) {
    case 'progress':
      return undefined
    case 'warning':
      return `warning: ${event.message}`
    case 'agent':
      return event.message
    default:
      return event.message
  }
}

/** Calls the listener, ignoring anything it throws. */
export function createEmitter(listener: PipelineEventListener | undefined): PipelineEventListener {
  if (listener === undefined) return () => {}
  return (event) => {
    try {
      listener(event)
    } catch {
      // A listener's failure is the listener's; the run goes on.
    }
  }
}
