import type { Evidence, FindingCategory, Severity } from '@gitlore/core'
import { findingCategories, severities } from '@gitlore/core'
import { z } from 'zod'
import type { FindingCandidate } from './parse-findings.js'

const evidenceSources = ['review', 'git', 'code', 'ci'] as const

/** A validated finding before its citations are checked and its id assigned. */
export interface ValidFinding {
  readonly title: string
  readonly category: FindingCategory
  readonly severity: Severity
  readonly insight: string
  readonly evidence: readonly Evidence[]
  readonly files: readonly string[]
}

const oneOf = (values: readonly string[]) => (issue: { input?: unknown }) =>
  `${JSON.stringify(issue.input ?? null)} is not one of ${values.join(', ')}`

const evidenceSchema = z.object({
  source: z.enum(evidenceSources, { error: oneOf(evidenceSources) }),
  text: z.string().trim().min(1, 'evidence text is empty').max(2000),
  ref: z.string().trim().min(1).max(500).optional(),
})

/** The strict shape of a finding; the tolerant parser's output must pass it as is. */
export const findingSchema = z.object({
  title: z
    .string({ error: 'title is missing' })
    .trim()
    .min(1, 'title is empty')
    .max(200, 'title is over 200 characters'),
  category: z.enum(findingCategories, { error: oneOf(findingCategories) }),
  severity: z.enum(severities, { error: oneOf(severities) }),
  insight: z.string({ error: 'insight is missing' }).trim().min(1, 'insight is empty').max(4000),
  evidence: z.array(evidenceSchema).min(1, 'no evidence').max(40),
  files: z.array(z.string().trim().min(1).max(500)).max(60),
})

const sourceSynonyms: Readonly<Record<string, string>> = {
  commit: 'git',
  history: 'git',
  pr: 'review',
  pull_request: 'review',
  comment: 'review',
  reviews: 'review',
  file: 'code',
  source: 'code',
}

const normaliseWord = (value: string | undefined): string | undefined =>
  value
    ?.trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')

/** Case, spaces and hyphens normalised, so `Fragile Area` and `fragile-area` are accepted; nothing else is guessed. */
function normalise(candidate: FindingCandidate) {
  return {
    title: candidate.title,
    category: normaliseWord(candidate.category),
    severity: normaliseWord(candidate.severity),
    insight: candidate.insight,
    evidence: candidate.evidence.map((item) => {
      const source = normaliseWord(item.source)
      return { ...item, source: source === undefined ? undefined : (sourceSynonyms[source] ?? source) }
    }),
    files: [...new Set(candidate.files.map((file) => file.trim().replace(/^\.\//, '')))],
  }
}

/** Valid findings, and one message per problem of the others (for the repair turn). */
export interface Validation {
  readonly valid: readonly ValidFinding[]
  readonly invalid: number
  readonly errors: readonly string[]
  /** Each invalid finding: its title (or `finding N`) and its problems, for the run record. */
  readonly rejected: readonly { readonly title: string; readonly reason: string }[]
}

/** Validates every candidate strictly; an unterminated one (answer cut off) is invalid. */
export function validateFindings(candidates: readonly FindingCandidate[]): Validation {
  const valid: ValidFinding[] = []
  const errors: string[] = []
  const rejected: { title: string; reason: string }[] = []
  let invalid = 0
  candidates.forEach((candidate, index) => {
    const label = `finding ${index + 1}${candidate.title === undefined ? '' : ` ("${candidate.title.slice(0, 60)}")`}`
    const title = candidate.title?.trim() || `finding ${index + 1}`
    if (candidate.unterminated) {
      invalid += 1
      errors.push(`${label}: the answer was cut off inside this finding`)
      rejected.push({ title, reason: 'the answer was cut off inside this finding' })
      return
    }
    const parsed = findingSchema.safeParse(normalise(candidate))
    if (parsed.success) {
      const { evidence, ...rest } = parsed.data
      valid.push({
        ...rest,
        evidence: evidence.map(({ source, text, ref }) =>
          ref === undefined ? { source, text } : { source, text, ref },
        ),
      })
      return
    }
    invalid += 1
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.length === 0 ? '' : `${issue.path.join('.')}: `}${issue.message}`,
    )
    for (const problem of problems) errors.push(`${label}: ${problem}`)
    rejected.push({ title, reason: `invalid: ${problems.join('; ')}` })
  })
  return { valid, invalid, errors, rejected }
}
