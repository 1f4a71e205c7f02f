import type { CommentCategory } from '@gitlore/core'

// How a theme of each category reads as a reviewer's concern, around its key terms.
const concerns: Readonly<Record<CommentCategory, (terms: string) => string>> = {
  bug: (terms) => `Bugs around ${terms}`,
  performance: (terms) => `Performance of ${terms}`,
  architecture: (terms) => `Design of ${terms}`,
  style: (terms) => `Code style: ${terms}`,
  testing: (terms) => `Missing tests for ${terms}`,
  security: (terms) => `Security of ${terms}`,
  documentation: (terms) => `Docs and comments for ${terms}`,
  naming: (terms) => `Naming of ${terms}`,
  error_handling: (terms) => `Error handling around ${terms}`,
  process: (terms) => `PR process: ${terms}`,
  nitpick: (terms) => `Small fixes to ${terms}`,
  question: (terms) => `Questions about ${terms}`,
  praise: (terms) => `Praise for ${terms}`,
}

// Words the concern's own phrase already says: "Missing tests for test" says nothing twice.
const ownWords: Readonly<Record<CommentCategory, RegExp>> = {
  bug: /^bugs?$/i,
  performance: /^(perf|performance|fast|slow)$/i,
  architecture: /^(design|architecture)$/i,
  style: /^(style|styling)$/i,
  testing: /^(tests?|testing|tested|specs?)$/i,
  security: /^(security|secure)$/i,
  documentation: /^(docs?|documentation|comments?)$/i,
  naming: /^(names?|naming|named|rename)$/i,
  error_handling: /^(errors?|exceptions?|handling)$/i,
  process: /^(pr|prs|process)$/i,
  nitpick: /^(nits?|nitpick|minor)$/i,
  question: /^(questions?|why)$/i,
  praise: /^(thanks?|great|nice)$/i,
}

// Categories that say little about what the concern is when a substantive one is present.
const minor: ReadonlySet<CommentCategory> = new Set(['nitpick', 'question', 'praise'])

/** The category a theme is mostly about: the most frequent substantive one, else the most frequent. */
export function mainCategory(categories: Readonly<Partial<Record<CommentCategory, number>>>): CommentCategory | null {
  const ranked = (Object.entries(categories) as [CommentCategory, number][])
    .filter(([, count]) => count > 0)
    .sort(([a, left], [b, right]) => right - left || (a < b ? -1 : 1))
  return (ranked.find(([category]) => !minor.has(category)) ?? ranked[0])?.[0] ?? null
}

/** The area most of a theme's files are in: a directory (`src/api/`) or a single file, when one dominates. */
export function mainArea(files: readonly string[]): string | null {
  if (files.length === 0) return null
  const counts = new Map<string, number>()
  for (const file of files) {
    const slash = file.lastIndexOf('/')
    const directory = slash === -1 ? file : file.slice(0, slash + 1)
    counts.set(directory, (counts.get(directory) ?? 0) + 1)
  }
  const [area, count] = [...counts].sort(([a, left], [b, right]) => right - left || (a < b ? -1 : 1))[0]!
  return count * 2 > files.length ? area : null
}

function joinTerms(terms: readonly string[]): string {
  if (terms.length <= 1) return terms[0] ?? ''
  return `${terms.slice(0, -1).join(', ')} and ${terms.at(-1)}`
}

/**
 * A theme's statistical label, phrased as the concern reviewers raise: its main category around its two
 * key terms, and the area its comments are in when one dominates ("Error handling around retry and timeout
 * in src/api/"). `files` are the members' files, one entry per comment on a file.
 */
export function concernLabel(
  topTerms: readonly string[],
  categories: Readonly<Partial<Record<CommentCategory, number>>>,
  files: readonly string[],
): string {
  const category = mainCategory(categories)
  const own = category === null ? null : ownWords[category]
  const terms = joinTerms(topTerms.filter((term) => own === null || !own.test(term)).slice(0, 2))
  const area = mainArea(files)
  if (terms === '') {
    const subject = area ?? 'one part of the code'
    return category === null ? `Comments on ${subject}` : concerns[category](subject)
  }
  const label = category === null ? `Comments about ${terms}` : concerns[category](terms)
  return area === null ? label : `${label} in ${area}`
}
