import { createHash } from 'node:crypto'

/**
 * A deterministic unit vector for `text`: each lower-cased word adds to a dimension picked by its hash,
 * so texts sharing words get close vectors, which is enough for clustering tests.
 */
export function hashedEmbedding(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0)
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []) {
    const digest = createHash('sha1').update(word).digest()
    const index = digest.readUInt32BE(0) % dimensions
    vector[index] = (vector[index] ?? 0) + (digest[4]! & 1 ? 1 : -1)
  }
  const norm = Math.hypot(...vector)
  return norm === 0 ? vector.map((_, index) => (index === 0 ? 1 : 0)) : vector.map((value) => value / norm)
}
