import { repositoryContext } from '@gitlore/fixtures'
import { describe, expect, it } from 'vitest'
import { conventionFindings } from './convention-findings.js'
import { defaultOfflineThresholds } from './offline-thresholds.js'

const conventions = {
  conventionalShare: 0.3,
  prefixes: { fix: 3 },
  prNumberSuffixShare: 0.9,
  medianSubjectLength: 61,
  coAuthoredShare: 0.25,
}

describe('conventionFindings', () => {
  it('states the PR suffix and pairing habit when Conventional Commits are not the norm', () => {
    const { findings } = conventionFindings(
      repositoryContext({ commits: { total: 40, merges: 0, authors: 4 }, conventions }),
      defaultOfflineThresholds,
    )
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ title: 'Commit subjects end with the pull request number', severity: 'low' })
    expect(findings[0]?.insight).not.toContain('Conventional Commits')
    expect(findings[0]?.insight).toContain('25% of commits carry a "Co-authored-by:" trailer')
  })

  it('states nothing from a handful of subjects', () => {
    const result = conventionFindings(
      repositoryContext({ commits: { total: 8, merges: 0, authors: 2 }, conventions }),
      defaultOfflineThresholds,
    )
    expect(result.findings).toEqual([])
    expect(result.notes[0]).toContain('8 commits is too few')
  })
})
