import type { GeneratedReason, HeadFiles, HistoryStats, PathFacts } from '@gitlore/core'
import { compareText } from './compare-text.js'
import type { HistoryTally } from './history-tally.js'

/**
 * Whether each path exists at HEAD: from the tree at HEAD when it was read, else from the window
 * (the path's latest change, by author time and then log order, did not delete it). A top-level
 * directory (`src/`) exists when a file under it does.
 */
export function pathsAtHead(tally: HistoryTally, head: HeadFiles | undefined): (path: string) => boolean {
  const files = head === undefined ? filesFromHistory(tally) : new Set(head.paths)
  const directories = new Set<string>()
  for (const path of files) {
    const slash = path.indexOf('/')
    if (slash !== -1) directories.add(path.slice(0, slash + 1))
  }
  return (path) => (path.endsWith('/') ? directories.has(path) : files.has(path))
}

/** The paths the window leaves in place: touched, and not deleted by their latest change. */
function filesFromHistory(tally: HistoryTally): Set<string> {
  return new Set([...tally.paths].filter(([, counts]) => !counts.change.deleted).map(([path]) => path))
}

type NamedLists = Pick<HistoryStats, 'hotspots' | 'coupling' | 'hubs' | 'reverts' | 'fixAfter' | 'ownership'> & {
  readonly knowledgeLoss: { readonly paths: readonly { readonly path: string }[] }
}

/** Facts about every path the (capped) lists name (files, and the top-level directories of `ownership`), sorted by path. */
export function pathFacts(
  lists: NamedLists,
  atHead: (path: string) => boolean,
  generated: ReadonlyMap<string, GeneratedReason>,
): PathFacts[] {
  const named = new Set<string>([
    ...lists.hotspots.map((hotspot) => hotspot.path),
    ...lists.coupling.flatMap((pair) => [pair.a, pair.b]),
    ...lists.hubs.flatMap((hub) => [hub.path, ...hub.strongest.map((partner) => partner.path)]),
    ...lists.reverts.flatMap((revert) => revert.files),
    ...lists.fixAfter.map((entry) => entry.path),
    ...lists.ownership.map((entry) => entry.path),
    ...lists.knowledgeLoss.paths.map((entry) => entry.path),
  ])
  return [...named].sort(compareText).map((path): PathFacts => {
    const reason = generated.get(path)
    return { path, atHead: atHead(path), ...(reason === undefined ? {} : { generated: reason }) }
  })
}
