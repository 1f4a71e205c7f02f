import type { CouplingPair, Hub, HubPartner } from '@gitlore/core'
import { compareText } from './compare-text.js'

/** Partners named per hub. */
const strongestShown = 5

/**
 * Files by the number of distinct files they form a coupling pair with, sorted by partners desc,
 * path asc, each with its strongest partners (shared desc, degree desc, path asc). Pass the whole
 * coupling list, before any cap; pairs with a file `leftOut` says so (generated files) are skipped.
 */
export function computeHubs(
  coupling: readonly CouplingPair[],
  leftOut: (path: string) => boolean = () => false,
): Hub[] {
  const partners = new Map<string, HubPartner[]>()
  const add = (path: string, partner: HubPartner) => {
    const list = partners.get(path)
    if (list === undefined) partners.set(path, [partner])
    else list.push(partner)
  }
  // Each unordered pair appears once, so counting both ends counts distinct partners.
  for (const { a, b, shared, degree } of coupling) {
    if (leftOut(a) || leftOut(b)) continue
    add(a, { path: b, shared, degree })
    add(b, { path: a, shared, degree })
  }
  return [...partners]
    .map(
      ([path, list]): Hub => ({
        path,
        partners: list.length,
        strongest: [...list]
          .sort((x, y) => y.shared - x.shared || y.degree - x.degree || compareText(x.path, y.path))
          .slice(0, strongestShown),
      }),
    )
    .sort((x, y) => y.partners - x.partners || compareText(x.path, y.path))
}
