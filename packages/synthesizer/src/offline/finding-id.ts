import type { FindingCategory } from '@gitlore/core'
import { stableHash } from '@gitlore/core'

/**
 * A stable id: the same category, topic and subject (files, or a person for team findings)
 * give the same id on every run, so a finding can be tracked across reports.
 */
export function findingId(category: FindingCategory, topic: string, subject: readonly string[]): string {
  return `${category}-${stableHash([category, topic, [...subject].sort()]).slice(0, 12)}`
}
