import type { Finding } from '@gitlore/core'
import { findingCategories, severities } from '@gitlore/core'

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** True when the finding cites review evidence: reviews are the headline, so such findings lead within a severity. */
function reviewBacked(finding: Finding): boolean {
  return finding.evidence.some((item) => item.source === 'review')
}

/**
 * Orders findings severity high to low, then review-backed before the rest, then by category (in
 * `findingCategories` order), then title, then id.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severities.indexOf(a.severity) - severities.indexOf(b.severity) ||
    Number(reviewBacked(b)) - Number(reviewBacked(a)) ||
    findingCategories.indexOf(a.category) - findingCategories.indexOf(b.category) ||
    compareText(a.title, b.title) ||
    compareText(a.id, b.id)
  )
}

/** A sorted copy of the findings (see `compareFindings`). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings)
}
