import { type ClassifiedComment, type CommentCategory, commentCategories } from '@gitlore/core'

/** Precision, recall and F1 of one category over a labeled set. */
export interface CategoryScore {
  readonly category: CommentCategory
  /** Comments labeled with the category. */
  readonly support: number
  readonly precision: number
  readonly recall: number
  readonly f1: number
  /** Comments given the category that carry its label. */
  readonly truePositives: number
  /** Comments given the category without its label. */
  readonly falsePositives: number
  /** Comments with the label that were not given the category. */
  readonly falseNegatives: number
}

/** Per-category scores, their unweighted mean F1 (macro-F1) and the F1 over every decision (micro-F1). */
export interface Evaluation {
  readonly categories: readonly CategoryScore[]
  /**
   * Mean F1 over the categories the labels contain (support > 0); a category nobody labeled has no
   * defined recall, so it would only add an arbitrary 0 or 1.
   */
  readonly macroF1: number
  /** F1 over all (comment, category) decisions pooled: dominated by the frequent categories. */
  readonly microF1: number
  /** Comments whose predicted categories equal their labels exactly. */
  readonly exactMatch: number
}

/** Compares predicted categories with labels (multi-label: each category is its own yes/no question). */
export function evaluateClassifications(
  predicted: readonly ClassifiedComment[],
  labels: ReadonlyMap<string, readonly CommentCategory[]>,
): Evaluation {
  const scores = commentCategories.map((category): CategoryScore => {
    let truePositives = 0
    let falsePositives = 0
    let falseNegatives = 0
    for (const result of predicted) {
      const said = result.status === 'classified' && result.categories.includes(category)
      const truth = labels.get(result.comment.id)?.includes(category) ?? false
      if (said && truth) truePositives += 1
      else if (said) falsePositives += 1
      else if (truth) falseNegatives += 1
    }
    const precision = truePositives + falsePositives === 0 ? 0 : truePositives / (truePositives + falsePositives)
    const recall = truePositives + falseNegatives === 0 ? 0 : truePositives / (truePositives + falseNegatives)
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
    return {
      category,
      support: truePositives + falseNegatives,
      precision,
      recall,
      f1,
      truePositives,
      falsePositives,
      falseNegatives,
    }
  })
  const exactMatch = predicted.filter((result) => {
    const truth = labels.get(result.comment.id) ?? []
    return (
      result.status === 'classified' &&
      result.categories.length === truth.length &&
      result.categories.every((category) => truth.includes(category))
    )
  }).length
  const present = scores.filter((score) => score.support > 0)
  const pooled = scores.reduce(
    (sum, score) => ({
      tp: sum.tp + score.truePositives,
      wrong: sum.wrong + score.falsePositives + score.falseNegatives,
    }),
    { tp: 0, wrong: 0 },
  )
  return {
    categories: scores,
    macroF1: present.length === 0 ? 0 : present.reduce((sum, score) => sum + score.f1, 0) / present.length,
    microF1: pooled.tp === 0 ? 0 : (2 * pooled.tp) / (2 * pooled.tp + pooled.wrong),
    exactMatch,
  }
}

/** A trivial baseline to compare with: every comment given the same `categories`. */
export function evaluateBaseline(
  comments: readonly ClassifiedComment[],
  labels: ReadonlyMap<string, readonly CommentCategory[]>,
  categories: readonly CommentCategory[],
): Evaluation {
  const guesses = comments.map(
    (result): ClassifiedComment => ({
      status: 'classified',
      comment: result.comment,
      categories,
      confidence: 1,
      classifier: 'baseline',
    }),
  )
  return evaluateClassifications(guesses, labels)
}

const percent = (value: number): string => value.toFixed(2)

/** The evaluation as a markdown table. */
export function formatEvaluation(evaluation: Evaluation, title: string): string {
  return [
    `| ${title} | support | precision | recall | F1 |`,
    '|---|---:|---:|---:|---:|',
    ...evaluation.categories.map(
      (score) =>
        `| ${score.category} | ${score.support} | ${percent(score.precision)} | ${percent(score.recall)} | ${percent(score.f1)} |`,
    ),
    `| **macro-F1** | | | | **${percent(evaluation.macroF1)}** |`,
    `| **micro-F1** | | | | **${percent(evaluation.microF1)}** |`,
  ].join('\n')
}
