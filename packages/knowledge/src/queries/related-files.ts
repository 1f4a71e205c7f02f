import type { KnowledgeMeta } from '../knowledge-model.js'
import type { KnowledgeReader } from '../knowledge-reader.js'
import { type IndexStatus, indexStatus } from './index-status.js'
import { itemLimit } from './item-limit.js'
import { queryPath } from './query-path.js'
import { createRelayGuard, shownText } from './relay-guard.js'

/** A file related to the one asked about. */
export interface RelatedFile {
  readonly path: string
  /** `coupling`: changed in the same commits; `theme`: reviewers raise the same theme on both. */
  readonly relation: 'coupling' | 'theme'
  /** Shared commits (coupling) or comments of the shared theme on the file (theme). */
  readonly strength: number
  /** Coupling degree (0..1); null for theme relations. */
  readonly degree: number | null
  /** The theme's label, for theme relations. */
  readonly theme?: string
  readonly lastChanged: string | null
}

export interface RelatedFiles {
  readonly path: string
  /** False when the index has nothing on the path. */
  readonly known: boolean
  /** Distinct coupling partners when the file is a hub; null otherwise. */
  readonly hubPartners: number | null
  readonly related: readonly RelatedFile[]
  /** Related files left out because their path or theme addresses AI assistants. */
  readonly withheld: number
  readonly index: IndexStatus
}

/** Files that change with `path` (every kept coupling pair) and files sharing its review themes; deleted files left out. */
export async function relatedFiles(
  store: KnowledgeReader,
  meta: KnowledgeMeta,
  input: { readonly path: string; readonly limit?: number },
  currentHead: string | null,
): Promise<RelatedFiles> {
  const path = queryPath(input.path, meta.repository.path)
  const limit = itemLimit(input.limit, 20, 100)
  const [entry] = await store.paths([path])
  const coupled = (entry?.partners ?? []).map(
    (partner): RelatedFile => ({
      path: partner.path,
      relation: 'coupling',
      strength: partner.shared,
      degree: partner.degree,
      lastChanged: null,
    }),
  )
  const themes = await store.themes((entry?.themes ?? []).map((theme) => theme.id))
  const seen = new Set([path, ...coupled.map((item) => item.path)])
  const themed: RelatedFile[] = []
  for (const theme of themes) {
    for (const file of theme.files) {
      if (seen.has(file)) continue
      seen.add(file)
      themed.push({ path: file, relation: 'theme', strength: 1, degree: null, theme: theme.label, lastChanged: null })
    }
  }
  // Coupling first, then themes; a file deleted since, or one whose path or theme addresses AI
  // assistants, does not take the place of one that may be shown.
  const guard = createRelayGuard()
  const candidates = guard.where([...coupled, ...themed], (item) => [item.path, item.theme])
  const related: RelatedFile[] = []
  for (let start = 0; start < candidates.length && related.length < limit; start += limit) {
    const slice = candidates.slice(start, start + limit)
    const facts = new Map((await store.paths(slice.map((item) => item.path))).map((known) => [known.path, known]))
    for (const item of slice) {
      const known = facts.get(item.path)
      if (known?.atHead === false) continue
      if (related.length < limit) {
        related.push({
          ...item,
          path: shownText(item.path),
          ...(item.theme === undefined ? {} : { theme: shownText(item.theme) }),
          lastChanged: known?.lastChanged ?? null,
        })
      }
    }
  }
  return {
    path,
    known: entry !== undefined,
    hubPartners: entry?.hubPartners ?? null,
    related,
    withheld: guard.withheld,
    index: indexStatus(meta, currentHead),
  }
}
