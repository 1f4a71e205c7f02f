import type { OfflineSynthesizerOptions } from './offline/offline-synthesizer.js'
import { OfflineSynthesizer } from './offline/offline-synthesizer.js'
import type { Synthesizer } from './synthesizer.js'

/** Options of the offline (statistical, no model) synthesizer. */
export interface OfflineSynthesizerSettings extends OfflineSynthesizerOptions {
  /** Selects the offline synthesizer. */
  readonly kind: 'offline'
}

/** Which synthesizer to build and its options; the LLM agent joins this union as `kind: 'agent'`. */
export type SynthesizerOptions = OfflineSynthesizerSettings

/** Builds a synthesizer: `createSynthesizer({ kind: 'offline' })`. */
export function createSynthesizer(options: SynthesizerOptions): Synthesizer {
  switch (options.kind) {
    case 'offline':
      return new OfflineSynthesizer(options)
  }
}
