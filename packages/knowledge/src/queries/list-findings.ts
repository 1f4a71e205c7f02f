import { type FindingCategory, findingCategories, type Severity, severities } from '@gitlore/core'
import type { KnowledgeMeta } from '../knowledge-model.js'
import type { KnowledgeReader } from '../knowledge-reader.js'
import type { BriefItem } from './brief-item.js'
import { oneOf } from './choice-of.js'
import { findingItem } from './finding-items.js'
import { type IndexStatus, indexStatus } from './index-status.js'
import { itemLimit } from './item-limit.js'
import { safeItem } from './relay-guard.js'

export interface FindingList {
  readonly findings: readonly (BriefItem & {
    readonly id: string
    readonly severity: Severity
    readonly category: FindingCategory
  })[]
  /** Findings left out because their text (title, insight, a file, a reference) addresses AI assistants. */
  readonly withheld: number
  readonly index: IndexStatus
}

const order = { high: 0, medium: 1, low: 2 } as const

/** The last analysis's findings, severest first, filtered by category and severity. */
export async function listFindings(
  store: KnowledgeReader,
  meta: KnowledgeMeta,
  input: { readonly category?: string; readonly severity?: string; readonly limit?: number },
  currentHead: string | null,
): Promise<FindingList> {
  const category = oneOf(input.category, findingCategories, 'category')
  const severity = oneOf(input.severity, severities, 'severity')
  let withheld = 0
  const findings = (await store.findings())
    .filter(
      (finding) =>
        (category === undefined || finding.category === category) &&
        (severity === undefined || finding.severity === severity),
    )
    .sort((x, y) => order[x.severity] - order[y.severity] || (x.id < y.id ? -1 : 1))
    .flatMap((finding) => {
      const relayed = findingItem(finding, finding.files)
      const item = relayed === null ? null : safeItem(relayed)
      if (item === null) {
        withheld++
        return []
      }
      return [{ ...item, id: finding.id, severity: finding.severity, category: finding.category }]
    })
    .slice(0, itemLimit(input.limit, 20, 50))
  return { findings, withheld, index: indexStatus(meta, currentHead) }
}
