import type { Evidence, Finding, RepositoryContext } from '@gitlore/core'
import { count, list, percent } from './describe.js'
import { findingId } from './finding-id.js'
import type { OfflineThresholds } from './offline-thresholds.js'
import type { RuleResult } from './rule-result.js'

const prefixesNamed = 3

/**
 * How commit messages are written, stated as what a contributor should do: Conventional
 * Commits and their usual types, the pull request number suffix, co-author trailers.
 */
export function conventionFindings(context: RepositoryContext, thresholds: OfflineThresholds): RuleResult {
  const total = context.commits.total
  if (total < thresholds.minConventionCommits) {
    return {
      findings: [],
      notes: [`Commit conventions not stated: ${count(total, 'commit')} is too few to tell a habit from chance.`],
    }
  }
  const conventions = context.conventions
  const conventional = conventions.conventionalShare >= thresholds.conventionalShare
  const prSuffix = conventions.prNumberSuffixShare >= thresholds.prSuffixShare
  const coAuthored = conventions.coAuthoredShare >= thresholds.coAuthoredShare
  if (!conventional && !prSuffix) {
    return {
      findings: [],
      notes: [
        `Commit subjects follow no dominant format (Conventional Commits ${percent(conventions.conventionalShare)}, ` +
          `pull request number suffix ${percent(conventions.prNumberSuffixShare)}).`,
      ],
    }
  }
  const top = Object.entries(conventions.prefixes)
    .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, prefixesNamed)
  const advice: string[] = []
  const evidence: Evidence[] = []
  const subjects = count(total, 'commit subject')
  if (conventional) {
    const types = top.length === 0 ? '' : `, mostly ${list(top.map(([type]) => type))}`
    advice.push(
      `Use Conventional Commits (\`type(scope): summary\`): ${percent(conventions.conventionalShare)} of subjects do${types}.`,
    )
    evidence.push({
      source: 'git',
      text:
        `${percent(conventions.conventionalShare)} of ${subjects} match Conventional Commits` +
        (top.length === 0 ? '' : ` (${top.map(([type, uses]) => `${type}: ${uses}`).join(', ')})`),
    })
  }
  if (prSuffix) {
    advice.push(
      `Land changes through pull requests: ${percent(conventions.prNumberSuffixShare)} of subjects end with the PR number, like "(#123)", which a squash merge adds.`,
    )
    evidence.push({
      source: 'git',
      text: `${percent(conventions.prNumberSuffixShare)} of ${subjects} end with a pull request number "(#N)"`,
    })
  }
  advice.push(`Match the usual subject length: the median is ${count(conventions.medianSubjectLength, 'character')}.`)
  evidence.push({ source: 'git', text: `Median subject length ${count(conventions.medianSubjectLength, 'character')}` })
  if (coAuthored) {
    advice.push(
      `Credit pairing: ${percent(conventions.coAuthoredShare)} of commits carry a "Co-authored-by:" trailer; add one when you pair.`,
    )
    evidence.push({
      source: 'git',
      text: `${percent(conventions.coAuthoredShare)} of ${count(total, 'commit')} have a Co-authored-by trailer`,
    })
  }
  const finding: Finding = {
    id: findingId('convention', 'commit-messages', []),
    title: conventional
      ? 'Commit subjects use Conventional Commits'
      : 'Commit subjects end with the pull request number',
    category: 'convention',
    severity: conventions.conventionalShare >= thresholds.strongConventionShare ? 'medium' : 'low',
    insight: advice.join(' '),
    evidence,
    files: [],
  }
  return { findings: [finding], notes: [] }
}
