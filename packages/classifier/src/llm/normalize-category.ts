import { type CommentCategory, commentCategories } from '@gitlore/core'

/** Spellings models use for the categories, besides their exact names. */
const synonyms: Readonly<Record<string, CommentCategory>> = {
  bugs: 'bug',
  correctness: 'bug',
  logic: 'bug',
  perf: 'performance',
  efficiency: 'performance',
  design: 'architecture',
  structure: 'architecture',
  formatting: 'style',
  readability: 'style',
  test: 'testing',
  tests: 'testing',
  docs: 'documentation',
  doc: 'documentation',
  comments: 'documentation',
  names: 'naming',
  errorhandling: 'error_handling',
  errors: 'error_handling',
  error: 'error_handling',
  nit: 'nitpick',
  nits: 'nitpick',
  minor: 'nitpick',
  questions: 'question',
  clarification: 'question',
  compliment: 'praise',
  thanks: 'praise',
}

const known = new Set<string>(commentCategories)

/** The category a model meant by `name` (any case, dashes or spaces for underscores, common synonyms), or null. */
export function normalizeCategory(name: string): CommentCategory | null {
  const key = name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
  if (known.has(key)) return key as CommentCategory
  return synonyms[key] ?? synonyms[key.replaceAll('_', '')] ?? null
}
