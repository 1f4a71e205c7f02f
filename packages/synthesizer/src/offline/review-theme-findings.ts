import { undidHistory } from '@gitlore/analyzers'
import type {
  CommentCategory,
  Evidence,
  Finding,
  FindingCategory,
  RepositoryContext,
  ReviewCluster,
  Severity,
} from '@gitlore/core'
import { themeSamples } from '../analysis/review-sections.js'
import type { ReviewIndex } from '../review/review-index.js'
import { count, list, oneLine, percent, quote, times } from './describe.js'
import { findingId } from './finding-id.js'
import type { OfflineThresholds } from './offline-thresholds.js'
import { reportablePaths } from './reportable-paths.js'
import type { RuleResult } from './rule-result.js'
import { severityRank, takeTop } from './rule-result.js'

const risky: ReadonlySet<CommentCategory> = new Set(['bug', 'security', 'error_handling', 'performance'])
const unactionable: ReadonlySet<CommentCategory> = new Set(['praise', 'question'])

/** What kind of finding a theme is, by its most frequent category. */
const findingCategoryOf: Readonly<Record<CommentCategory, FindingCategory>> = {
  bug: 'landmine',
  security: 'landmine',
  error_handling: 'landmine',
  performance: 'code_pattern',
  testing: 'code_pattern',
  architecture: 'architecture',
  style: 'convention',
  naming: 'convention',
  nitpick: 'convention',
  documentation: 'convention',
  process: 'tooling',
  question: 'code_pattern',
  praise: 'code_pattern',
}

const samplesCited = 4
const filesNamed = 3

function dominantCategory(cluster: ReviewCluster): CommentCategory | undefined {
  const ranked = Object.entries(cluster.categories)
    .filter((entry): entry is [CommentCategory, number] => typeof entry[1] === 'number' && entry[1] > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  return ranked[0]?.[0]
}

/**
 * The git record of one file when it corroborates a review theme: quick fixes or reverts there.
 * A plain commit count says nothing about what reviewers raise, so it is never cited.
 */
function gitEvidence(path: string, context: RepositoryContext): Evidence | null {
  const fixes = context.fixAfter.find((entry) => entry.path === path)
  const reverts = context.reverts.filter((revert) => undidHistory(revert) && revert.files.includes(path))
  if ((fixes === undefined || fixes.fixes === 0) && reverts.length === 0) return null
  const facts = [
    ...(fixes === undefined ? [] : [`fixed shortly after a change ${times(fixes.fixes)}`]),
    ...(reverts.length === 0 ? [] : [`reverted ${times(reverts.length)}`]),
  ]
  return {
    source: 'git',
    text: `${path}: ${list(facts)} in the window`,
    ref: reverts[0]?.sha ?? fixes?.examples[0]?.fix ?? path,
  }
}

function themeFinding(
  cluster: ReviewCluster,
  dominant: CommentCategory,
  reviews: ReviewIndex,
  context: RepositoryContext,
  thresholds: OfflineThresholds,
): Finding {
  const samples = themeSamples(cluster, reviews, samplesCited)
  const reviewEvidence: Evidence[] = samples.map(({ comment }) => {
    const url = reviews.pullRequestUrl(comment.prNumber) ?? comment.url
    return {
      source: 'review',
      text: `${comment.author} on #${comment.prNumber}: ${quote(comment.body, 140)}`,
      ref: url,
    }
  })
  // Review comments may sit on files deleted or generated since: name only current source files.
  const present = cluster.files.filter(reportablePaths(context))
  const history = present
    .map((path) => gitEvidence(path, context))
    .filter((item): item is Evidence => item !== null)
    .slice(0, filesNamed)
  const corroborated = history.length > 0
  const pullRequests = cluster.prNumbers.length
  const severity: Severity =
    risky.has(dominant) && (pullRequests >= thresholds.highThemePullRequests || corroborated)
      ? 'high'
      : risky.has(dominant) || corroborated || pullRequests >= thresholds.highThemePullRequests
        ? 'medium'
        : 'low'
  const files = present.slice(0, filesNamed)
  const where =
    files.length === 0
      ? ''
      : ` on ${list(files)}${present.length > filesNamed ? ` and ${present.length - filesNamed} more` : ''}`
  const example = samples[0] === undefined ? '' : ` For example: ${quote(samples[0].comment.body, 160)}`
  const git =
    history.length === 0
      ? ''
      : ` The history agrees: ${history.map((item) => item.text.replace(/ in the window$/, '')).join('; ')}.`
  const unresolved =
    cluster.resolvedShare < 0.6 ? ` Only ${percent(cluster.resolvedShare)} of these threads were resolved.` : ''
  return {
    id: findingId(findingCategoryOf[dominant], 'review-theme', [cluster.label]),
    title: `Reviewers keep raising: ${oneLine(cluster.label, 70)} (${count(cluster.size, 'comment')}, ${count(pullRequests, 'PR')})`,
    category: findingCategoryOf[dominant],
    severity,
    insight:
      `In ${count(pullRequests, 'pull request')} reviewers raised the same point${where} (${count(cluster.size, 'comment')}, mostly ${dominant.replace('_', ' ')}).` +
      `${example}${git}${unresolved} Check for it before opening a pull request that touches these files, and expect reviewers to ask.`,
    evidence: [...reviewEvidence, ...history],
    files: present.slice(0, 8),
  }
}

/**
 * Recurring review themes as findings: what reviewers keep telling each other, across pull
 * requests, with the git record of the same files as corroboration.
 */
export function reviewThemeFindings(
  context: RepositoryContext,
  reviews: ReviewIndex,
  thresholds: OfflineThresholds,
): RuleResult {
  const notes: string[] = []
  const findings: Finding[] = []
  let small = 0
  for (const cluster of reviews.clusters) {
    const dominant = dominantCategory(cluster)
    if (cluster.size < thresholds.minThemeComments || cluster.prNumbers.length < thresholds.minThemePullRequests) {
      small += 1
      continue
    }
    if (dominant === undefined || unactionable.has(dominant)) continue
    findings.push(themeFinding(cluster, dominant, reviews, context, thresholds))
  }
  if (small > 0) {
    notes.push(
      `${count(small, 'review theme')} left out: fewer than ${thresholds.minThemeComments} comments or ${thresholds.minThemePullRequests} pull requests.`,
    )
  }
  findings.sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || b.evidence.length - a.evidence.length)
  const top = takeTop(findings, thresholds.maxFindingsPerRule, 'review-theme findings')
  return { findings: top.findings, notes: [...notes, ...top.notes] }
}
