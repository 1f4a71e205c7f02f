import { extractTerms } from '../offline/extract-terms.js'

interface TermCount {
  count: number
  documents: number
  readonly surfaces: Map<string, number>
}

function countTerms(texts: readonly string[]): Map<string, TermCount> {
  const counts = new Map<string, TermCount>()
  for (const text of texts) {
    const seen = new Set<string>()
    for (const term of extractTerms(text)) {
      if (term.stem.startsWith('=') || term.stem.startsWith('#')) continue
      let entry = counts.get(term.stem)
      if (entry === undefined) counts.set(term.stem, (entry = { count: 0, documents: 0, surfaces: new Map() }))
      entry.count++
      entry.surfaces.set(term.surface, (entry.surfaces.get(term.surface) ?? 0) + 1)
      if (!seen.has(term.stem)) {
        seen.add(term.stem)
        entry.documents++
      }
    }
  }
  return counts
}

function mostCommon(surfaces: ReadonlyMap<string, number>): string {
  return [...surfaces].sort(
    ([left, leftCount], [right, rightCount]) => rightCount - leftCount || (left < right ? -1 : 1),
  )[0]![0]
}

/**
 * Class-based TF-IDF: the `count` terms that set each class of texts apart from the others (term frequency in
 * the class times log(1 + average terms per class / frequency over all classes)), shown as most often written.
 * A term must occur in at least two texts of a class of two or more. Give unclustered texts as one more class.
 */
export function classTerms(classes: readonly (readonly string[])[], count: number): string[][] {
  const perClass = classes.map(countTerms)
  const overall = new Map<string, number>()
  let terms = 0
  for (const counts of perClass) {
    for (const [stem, entry] of counts) {
      overall.set(stem, (overall.get(stem) ?? 0) + entry.count)
      terms += entry.count
    }
  }
  const average = terms / Math.max(1, classes.length)
  return perClass.map((counts, index) => {
    const minimumDocuments = Math.min(2, classes[index]!.length)
    return [...counts]
      .filter(([, entry]) => entry.documents >= minimumDocuments)
      .map(([stem, entry]) => ({ stem, entry, score: entry.count * Math.log(1 + average / overall.get(stem)!) }))
      .sort((left, right) => right.score - left.score || (left.stem < right.stem ? -1 : 1))
      .slice(0, count)
      .map(({ entry }) => mostCommon(entry.surfaces))
  })
}
