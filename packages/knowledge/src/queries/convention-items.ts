import type { KnowledgeMeta } from '../knowledge-model.js'
import type { BriefItem } from './brief-item.js'

/** How commit messages are written here, each statement with a recent commit that follows it. */
export function conventionItems(meta: KnowledgeMeta): BriefItem[] {
  const { conventions, conventionExamples: examples } = meta
  const items: BriefItem[] = []
  const percent = (share: number) => `${Math.round(share * 100)}%`
  const add = (text: string, example: string | undefined, score: number) => {
    if (example === undefined) return
    items.push({ text, provenance: [{ kind: 'commit', ref: example }], lastSeen: null, files: [], score })
  }
  if (conventions.conventionalShare >= 0.3) {
    const types = Object.entries(conventions.prefixes)
      .sort(([x, a], [y, b]) => b - a || (x < y ? -1 : 1))
      .slice(0, 4)
      .map(([type, count]) => `${type} (${count})`)
      .join(', ')
    add(
      `${percent(conventions.conventionalShare)} of commit subjects follow Conventional Commits ("type(scope): summary")${types === '' ? '' : `; most used types: ${types}`}`,
      examples.conventional,
      1 + conventions.conventionalShare,
    )
  }
  if (conventions.prNumberSuffixShare >= 0.3) {
    add(
      `${percent(conventions.prNumberSuffixShare)} of commit subjects end with the pull request number, as "(#123)"`,
      examples.prNumberSuffix,
      0.5 + conventions.prNumberSuffixShare,
    )
  }
  if (conventions.coAuthoredShare >= 0.1) {
    add(
      `${percent(conventions.coAuthoredShare)} of commits credit co-authors with a "Co-authored-by:" line`,
      examples.coAuthored,
      0.4 + conventions.coAuthoredShare,
    )
  }
  add(
    `Commit subjects are short here: the median is ${conventions.medianSubjectLength} characters`,
    examples.latest,
    0.3,
  )
  return items
}
