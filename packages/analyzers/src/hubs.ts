import type { CouplingPair, Hub } from '@gitlore/core'
import { compareText } from './compare-text.js'

/**
 * Files by the number of distinct files they form a coupling pair with, sorted by partners desc,
 * path asc. Pass the whole coupling list, before any cap.
 */
export function computeHubs(coupling: readonly CouplingPair[]): Hub[] {
  const partners = new Map<string, number>()
  // Each unordered pair appears once, so counting both ends counts distinct partners.
  for (const { a, b } of coupling) {
    partners.set(a, (partners.get(a) ?? 0) + 1)
    partners.set(b, (partners.get(b) ?? 0) + 1)
  }
  return [...partners]
    .map(([path, count]): Hub => ({ path, partners: count }))
    .sort((x, y) => y.partners - x.partners || compareText(x.path, y.path))
}
