import { type CommentCategory, commentCategories, type ReviewComment } from '@gitlore/core'
import type { OfflineRule } from './offline-rules.js'

/** Why the offline classifier chose what it chose: the categories, the confidence, and the rules that fired. */
export interface OfflineScore {
  readonly categories: readonly CommentCategory[]
  /** 0..1: higher when more and stronger signals agree. */
  readonly confidence: number
  /** Summed rule weights per category. */
  readonly scores: Readonly<Partial<Record<CommentCategory, number>>>
  /** The rules that matched, for `--verbose` explanations. */
  readonly matched: readonly OfflineRule[]
}

/** The body without fenced code blocks and inline code, so code does not read as prose. */
export function proseOf(body: string): string {
  return body.replace(/```[\s\S]*?(```|$)/g, ' ').replace(/`[^`\n]*`/g, ' ')
}

const order = (category: CommentCategory): number => commentCategories.indexOf(category)

/**
 * Scores a comment against `rules`: every category whose signals add up to 2 or more, strongest first,
 * at most `maxCategories`; failing that, the strongest weak signal; failing that, `question` when the
 * comment asks something and `bug` otherwise, at a confidence that says it was a guess.
 */
export function scoreComment(
  comment: ReviewComment,
  rules: readonly OfflineRule[],
  maxCategories: number,
): OfflineScore {
  const texts = { prose: proseOf(comment.body), body: comment.body, path: comment.path ?? '' }
  const scores: Partial<Record<CommentCategory, number>> = {}
  const matched: OfflineRule[] = []
  for (const rule of rules) {
    if (rule.pattern.test(texts[rule.on ?? 'prose'])) {
      scores[rule.category] = (scores[rule.category] ?? 0) + rule.weight
      matched.push(rule)
    }
  }
  const ranked = (Object.entries(scores) as [CommentCategory, number][]).sort(
    ([a, left], [b, right]) => right - left || order(a) - order(b),
  )
  const strong = ranked.filter(([, score]) => score >= 2).slice(0, maxCategories)
  if (strong.length > 0) {
    const top = strong[0]![1]
    const confidence = Math.min(0.85, 0.45 + 0.1 * (top - 2) + 0.05 * (strong.length === 1 ? 1 : 0))
    return { categories: strong.map(([category]) => category), confidence, scores, matched }
  }
  const weak = ranked[0]
  if (weak !== undefined) return { categories: [weak[0]], confidence: 0.3, scores, matched }
  // Measured on real review comments, a remark no rule recognises is most often about a defect.
  return { categories: [texts.prose.includes('?') ? 'question' : 'bug'], confidence: 0.15, scores, matched }
}
