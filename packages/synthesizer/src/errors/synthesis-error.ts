import { GitloreError } from '@gitlore/core'
import type { TranscriptEntry } from '../agent/agent-run.js'

/**
 * The agent could not finish: the model could not be reached or kept failing after its retries.
 * The transcript so far is kept for the run record; the caller can fall back to the offline synthesizer.
 */
export class SynthesisError extends GitloreError {
  /** What the agent did before it failed. */
  readonly transcript: readonly TranscriptEntry[]

  constructor({
    message,
    cause,
    transcript,
  }: { message: string; cause?: unknown; transcript: readonly TranscriptEntry[] }) {
    super({ code: 'synthesis_failed', message, cause })
    this.name = 'SynthesisError'
    this.transcript = transcript
  }
}
