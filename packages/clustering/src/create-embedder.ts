import type { Embedder } from './embedder.js'
import { createModelEmbedder, type ModelEmbedderOptions } from './model/model-embedder.js'
import { createOfflineEmbedder, type OfflineEmbedderOptions } from './offline/offline-embedder.js'

/** Which embedder to create: an ai SDK embedding model, or the offline hashed TF-IDF embedder. */
export type EmbedderOptions =
  | ({
      /** Embed with an ai SDK embedding model (`embedMany`). */
      readonly kind: 'model'
    } & ModelEmbedderOptions)
  | ({
      /** Embed offline: hashed TF-IDF over words, code tokens and review concepts; no network. */
      readonly kind: 'offline'
    } & OfflineEmbedderOptions)

/** Creates an `Embedder`. Both kinds pass the same contract suite. */
export function createEmbedder(options: EmbedderOptions): Embedder {
  switch (options.kind) {
    case 'model':
      return createModelEmbedder(options)
    case 'offline':
      return createOfflineEmbedder(options)
  }
}
