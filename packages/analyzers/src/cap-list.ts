/** Caps never cut the first 20 entries of a list, whatever `top` says. */
export const minimumCap = 20

/** The first `max(top, 20)` entries of a sorted list. */
export function capList<T>(items: readonly T[], top: number): T[] {
  return items.slice(0, Math.max(top, minimumCap))
}
