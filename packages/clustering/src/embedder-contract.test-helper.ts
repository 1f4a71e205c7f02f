import { describe, expect, it } from 'vitest'
import { dot, normalized } from './cluster/vector-math.js'
import { embedTexts } from './embed-texts.js'
import type { EmbeddedBatch, Embedder } from './embedder.js'
import { EmbeddingError } from './errors/embedding-error.js'
import { createMemoryEmbeddingStore } from './memory-embedding-store.js'

/** How a contract run gets its embedder: `texts` says how many texts the test will embed at most. */
export type EmbedderSetup = () => Promise<{ embedder: Embedder; close?: () => Promise<void> }>

const texts = [
  '`user` can be null here; add a null check before reading `user.id`.',
  'Please rename `tmp2` to something descriptive.',
  'This builds the SQL query by string concatenation: use a parameterized query.',
  'Missing null check: `account` may be undefined when the session expired.',
  'The API key is hardcoded; read it from the environment and rotate it.',
  'Add a unit test for the empty-list case.',
  'We query the database inside the loop, an N+1; batch the lookup.',
]

const cosine = (left: Float32Array, right: Float32Array): number => dot(normalized(left), normalized(right))

/** The behaviour every `Embedder` must show; runs against the offline embedder and the ai SDK embedder alike. */
export function describeEmbedderContract(name: string, setup: EmbedderSetup): void {
  const withEmbedder = async (test: (embedder: Embedder) => Promise<void>): Promise<void> => {
    const { embedder, close } = await setup()
    try {
      await test(embedder)
    } finally {
      await close?.()
    }
  }

  describe(`Embedder contract: ${name}`, () => {
    it('returns one finite vector per text, in order, all of the same length', () =>
      withEmbedder(async (embedder) => {
        const vectors = await embedder.embed(texts)
        expect(vectors).toHaveLength(texts.length)
        const length = vectors[0]!.length
        if (embedder.dimensions !== undefined) expect(length).toBe(embedder.dimensions)
        for (const vector of vectors) {
          expect(vector).toBeInstanceOf(Float32Array)
          expect(vector.length).toBe(length)
          expect(vector.every(Number.isFinite)).toBe(true)
          expect(vector.some((value) => value !== 0)).toBe(true)
        }
      }))

    it('gives a text the same vector whatever it is embedded with', () =>
      withEmbedder(async (embedder) => {
        const together = await embedder.embed(texts)
        const alone = await embedder.embed([texts[3]!])
        expect([...alone[0]!]).toEqual([...together[3]!])
      }))

    it('puts texts that say the same thing closer than texts that do not', () =>
      withEmbedder(async (embedder) => {
        const [nullCheck, rename, , otherNullCheck] = await embedder.embed(texts)
        expect(cosine(nullCheck!, otherNullCheck!)).toBeGreaterThan(cosine(nullCheck!, rename!))
      }))

    it('reports every text in exactly one batch, with the vectors it returns', () =>
      withEmbedder(async (embedder) => {
        const many = Array.from({ length: 40 }, (_, index) => `${texts[index % texts.length]} (case ${index})`)
        const batches: EmbeddedBatch[] = []
        const vectors = await embedder.embed(many, { onBatch: (batch) => void batches.push(batch) })
        const covered = batches
          .flatMap((batch) => batch.vectors.map((_, offset) => batch.start + offset))
          .sort((a, b) => a - b)
        expect(covered).toEqual(many.map((_, index) => index))
        for (const batch of batches) {
          for (const [offset, vector] of batch.vectors.entries()) expect(vector).toBe(vectors[batch.start + offset])
        }
      }))

    it('embeds nothing for no texts', () =>
      withEmbedder(async (embedder) => {
        const batches: EmbeddedBatch[] = []
        expect(await embedder.embed([], { onBatch: (batch) => void batches.push(batch) })).toEqual([])
        expect(batches).toEqual([])
      }))

    it('rejects with an interrupted EmbeddingError when the signal is already aborted', () =>
      withEmbedder(async (embedder) => {
        const error = await embedder.embed(texts, { signal: AbortSignal.abort() }).catch((caught: unknown) => caught)
        expect(EmbeddingError.isInstance(error)).toBe(true)
        expect((error as EmbeddingError).code).toBe('embedding_interrupted')
      }))

    it('embeds nothing on a re-run through a store, and gives back the same vectors', () =>
      withEmbedder(async (embedder) => {
        const store = createMemoryEmbeddingStore()
        const first = await embedTexts([...texts, texts[0]!], { embedder, store })
        expect(first).toMatchObject({ embedded: texts.length, cached: 0 })
        const second = await embedTexts(texts, { embedder, store })
        expect(second).toMatchObject({ embedded: 0, cached: texts.length })
        expect(second.vectors.map((vector) => [...vector])).toEqual(
          first.vectors.slice(0, texts.length).map((vector) => [...vector]),
        )
      }))
  })
}
