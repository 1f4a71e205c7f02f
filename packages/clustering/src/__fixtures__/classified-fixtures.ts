import type { ClassifiedComment, CommentCategory, ReviewComment } from '@gitlore/core'
import { syntheticThemedComments, type ThemedReviewComment, themedReviewComments } from '@gitlore/fixtures'

/** A themed fixture comment as the classifier would hand it over, with its true theme. */
export interface ThemedClassified {
  readonly item: ClassifiedComment
  readonly theme: string | null
}

function toClassified(entry: ThemedReviewComment): ThemedClassified {
  return {
    item: {
      status: 'classified',
      comment: entry.comment as ReviewComment,
      categories: entry.categories as CommentCategory[],
      confidence: entry.confidence,
      classifier: 'fixture',
    },
    theme: entry.theme,
  }
}

/** The 220 hand-written comments of `fixtures/comments/themed-comments.json`. */
export function themedClassified(): ThemedClassified[] {
  return themedReviewComments().map(toClassified)
}

/** `count` synthetic themed comments (20% one-off noise), deterministic. */
export function syntheticClassified(count: number, seed = 1): ThemedClassified[] {
  return syntheticThemedComments(count, { seed }).map(toClassified)
}

/** A classified comment with just the fields a test cares about. */
export function classifiedComment(
  id: string,
  body: string,
  overrides: { categories?: CommentCategory[]; confidence?: number; prNumber?: number; path?: string } = {},
): ClassifiedComment {
  return {
    status: 'classified',
    comment: {
      id,
      kind: 'review_thread',
      prNumber: overrides.prNumber ?? 1,
      url: `https://github.com/acme/shop/pull/${overrides.prNumber ?? 1}#${id}`,
      author: 'maria-k',
      authorAssociation: 'MEMBER',
      body,
      createdAt: '2025-01-01T00:00:00Z',
      ...(overrides.path === undefined ? {} : { path: overrides.path }),
      replies: [],
    },
    categories: overrides.categories ?? ['bug'],
    confidence: overrides.confidence ?? 0.9,
    classifier: 'fixture',
  }
}
