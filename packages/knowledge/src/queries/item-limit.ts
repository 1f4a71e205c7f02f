/** How many items an answer holds: the requested number as a whole number from 1 to `most`, or `fallback` when none was asked for. */
export function itemLimit(requested: number | undefined, fallback: number, most: number): number {
  return Math.min(most, Math.max(1, Math.floor(requested ?? fallback)))
}
