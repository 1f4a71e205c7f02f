import { AgentSynthesizer, type AgentSynthesizerOptions } from './agent/agent-synthesizer.js'
import type { OfflineSynthesizerOptions } from './offline/offline-synthesizer.js'
import { OfflineSynthesizer } from './offline/offline-synthesizer.js'
import type { Synthesizer } from './synthesizer.js'

/** Options of the offline (statistical, no model) synthesizer. */
export interface OfflineSynthesizerSettings extends OfflineSynthesizerOptions {
  /** Selects the offline synthesizer. */
  readonly kind: 'offline'
}

/** Options of the agent (LLM with read-only repository tools) synthesizer. */
export interface AgentSynthesizerSettings extends AgentSynthesizerOptions {
  /** Selects the agent synthesizer. */
  readonly kind: 'agent'
}

/** Which synthesizer to build and its options. */
export type SynthesizerOptions = OfflineSynthesizerSettings | AgentSynthesizerSettings

/** Builds a synthesizer: `createSynthesizer({ kind: 'offline' })` or `createSynthesizer({ kind: 'agent', model, repositoryDir })`. */
export function createSynthesizer(options: SynthesizerOptions): Synthesizer {
  switch (options.kind) {
    case 'offline':
      return new OfflineSynthesizer(options)
    case 'agent':
      return new AgentSynthesizer(options)
  }
}
