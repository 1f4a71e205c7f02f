/** Ratios in the statistics (degrees, shares) are rounded to 4 decimals so outputs stay stable and readable. */
export function roundRatio(value: number): number {
  return Math.round(value * 10_000) / 10_000
}

/** `part / whole` rounded to 4 decimals; 0 when `whole` is 0 (an empty history). */
export function share(part: number, whole: number): number {
  return whole === 0 ? 0 : roundRatio(part / whole)
}
