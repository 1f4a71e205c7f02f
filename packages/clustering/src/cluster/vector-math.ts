/** Dot product of two vectors of the same length. */
export function dot(left: ArrayLike<number>, right: ArrayLike<number>): number {
  let sum = 0
  for (let index = 0; index < left.length; index++) sum += left[index]! * right[index]!
  return sum
}

/** A unit-length copy of `vector`; the zero vector stays zero. */
export function normalized(vector: ArrayLike<number>): Float32Array {
  const result = Float32Array.from(vector)
  const norm = Math.sqrt(dot(result, result))
  if (norm > 0) for (let index = 0; index < result.length; index++) result[index]! /= norm
  return result
}

/** Whether every component is zero (a text with nothing to compare). */
export function isZero(vector: ArrayLike<number>): boolean {
  for (let index = 0; index < vector.length; index++) if (vector[index] !== 0) return false
  return true
}
