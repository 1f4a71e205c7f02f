import type { ClassifiedComment, CommentCategory } from '@gitlore/core'

/** A comment the classifier gave categories to. */
export type ClassifiedOnly = Extract<ClassifiedComment, { status: 'classified' }>

const minor: ReadonlySet<CommentCategory> = new Set(['nitpick', 'praise', 'question'])

/**
 * The comments in no cluster that still matter: classified with at least `minimumConfidence`, with a substantive
 * category (not only nitpick, praise or question) and neither a nitpick nor praise, so a question about a bug
 * counts. Most confident first, ties in input order.
 */
export function notableComments(noise: readonly ClassifiedComment[], minimumConfidence: number): ClassifiedOnly[] {
  return noise
    .filter(
      (item): item is ClassifiedOnly =>
        item.status === 'classified' &&
        item.confidence >= minimumConfidence &&
        item.categories.some((category) => !minor.has(category)) &&
        !item.categories.includes('nitpick') &&
        !item.categories.includes('praise'),
    )
    .sort((left, right) => right.confidence - left.confidence)
}
