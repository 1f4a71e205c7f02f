import { type ClassifiedComment, type CommentCategory, commentCategories } from '@gitlore/core'

/** Precision, recall and F1 of one category over a labeled set. */
export interface CategoryScore {
  readonly category: CommentCategory
  /** Comments labeled with the category. */
  readonly support: number
  readonly precision: number
  readonly recall: number
  readonly f1: number
}

/** Per-category scores and their unweighted mean F1 (macro-F1). */
export interface Evaluation {
  readonly categories: readonly CategoryScore[]
  readonly macroF1: number
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
    return { category, support: truePositives + falseNegatives, precision, recall, f1 }
  })
  const exactMatch = predicted.filter((result) => {
    const truth = labels.get(result.comment.id) ?? []
    return (
      result.status === 'classified' &&
      result.categories.length === truth.length &&
      result.categories.every((category) => truth.includes(category))
    )
  }).length
  return {
    categories: scores,
    macroF1: scores.reduce((sum, score) => sum + score.f1, 0) / scores.length,
    exactMatch,
  }
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
  ].join('\n')
}
