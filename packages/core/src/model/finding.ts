export const findingCategories = [
  'fragile_area',
  'landmine',
  'architecture',
  'code_pattern',
  'convention',
  'tooling',
  'team',
] as const
export type FindingCategory = (typeof findingCategories)[number]

export const severities = ['high', 'medium', 'low'] as const
export type Severity = (typeof severities)[number]

export type EvidenceSource = 'review' | 'git' | 'code' | 'ci'

export interface Evidence {
  readonly source: EvidenceSource
  readonly text: string
  /** A PR url, a commit sha, or `path:line`. */
  readonly ref?: string
}

/** One thing worth knowing about the repository, with the evidence behind it. */
export interface Finding {
  readonly id: string
  readonly title: string
  readonly category: FindingCategory
  readonly severity: Severity
  readonly insight: string
  readonly evidence: readonly Evidence[]
  readonly files: readonly string[]
}
