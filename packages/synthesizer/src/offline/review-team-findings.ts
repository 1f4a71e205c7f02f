import type { Evidence, Finding, RepositoryContext, ReviewStats } from '@gitlore/core'
import type { ReviewIndex } from '../review/review-index.js'
import { count, list, percent, personLabel, quote } from './describe.js'
import { findingId } from './finding-id.js'
import type { OfflineThresholds } from './offline-thresholds.js'
import { topLevelDirectory } from './path-kinds.js'
import { reportablePaths } from './reportable-paths.js'
import type { RuleResult } from './rule-result.js'
import { takeTop } from './rule-result.js'

const pullRequestsCited = 3

/** One person giving most of the reviews. */
function reviewLoadFinding(stats: ReviewStats, reviews: ReviewIndex, thresholds: OfflineThresholds): Finding[] {
  // The total comes from the statistics, not from the (capped) reviewer list.
  const total = stats.reviews
  const [top, next] = [...stats.reviewers].sort((a, b) => b.reviews - a.reviews || (a.login < b.login ? -1 : 1))
  if (top === undefined || stats.reviewers.length < 2 || total < thresholds.minReviews) return []
  const share = top.reviews / total
  if (share < thresholds.reviewLoadShare) return []
  const reviewed = reviews.pullRequests.filter((pr) => pr.reviews.some((review) => review.author === top.login))
  const authors = stats.pairs.filter((pair) => pair.reviewer === top.login).slice(0, 3)
  const evidence: Evidence[] = [
    {
      source: 'review',
      text: `${top.login}: ${count(top.reviews, 'review')} of ${total} (${percent(share)}), ${count(top.comments, 'comment')}, ${count(top.changesRequested, 'change request')}${next === undefined ? '' : `; next is ${next.login} with ${next.reviews}`}`,
    },
    ...reviewed.slice(0, pullRequestsCited).map((pr) => ({
      source: 'review' as const,
      text: `${top.login} reviewed #${pr.number} ${quote(pr.title, 80)} by ${pr.author}`,
      ref: pr.url,
    })),
  ]
  const pairs =
    authors.length === 0
      ? ''
      : ` They review most of the work of ${list(authors.map((pair) => `${pair.author} (${count(pair.pullRequests, 'PR')})`))}.`
  const load = stats.load
  const spread =
    load === undefined || load.halfBy === 0
      ? ''
      : ` ${count(load.halfBy, 'reviewer')} of ${load.reviewers} gave more than half of all reviews.`
  return [
    {
      id: findingId('team', 'review-load', [top.login]),
      title: `${top.login} gives ${percent(share)} of the reviews`,
      category: 'team',
      severity: share >= thresholds.highReviewLoadShare ? 'high' : 'medium',
      insight:
        `${top.login} submitted ${top.reviews} of the ${total} reviews in this window.${spread}${pairs} Reviews queue behind one person ` +
        `and what reviewers look for stays in their head: ask ${top.login} what they check, write it down, and spread ` +
        'reviews (a rota or CODEOWNERS with two names per area) so others learn the areas.',
      evidence,
      files: [],
    },
  ]
}

/** Top-level directories where one reviewer writes most of the review comments: the person to ask. */
function areaReviewerFindings(
  context: RepositoryContext,
  reviews: ReviewIndex,
  thresholds: OfflineThresholds,
): Finding[] {
  const byArea = new Map<string, Map<string, number>>()
  for (const { comment } of reviews.classified) {
    if (comment.path === undefined) continue
    const area = topLevelDirectory(comment.path) || comment.path
    const authors = byArea.get(area) ?? new Map<string, number>()
    authors.set(comment.author, (authors.get(comment.author) ?? 0) + 1)
    byArea.set(area, authors)
  }
  const findings: Finding[] = []
  for (const [area, authors] of byArea) {
    const total = [...authors.values()].reduce((sum, value) => sum + value, 0)
    const [reviewer, comments] = [...authors].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? ['', 0]
    if (total < thresholds.minAreaComments || comments / total < thresholds.areaReviewerShare) continue
    const owner = context.ownership.find((entry) => entry.path === area)
    const examples = reviews.classified
      .filter(({ comment }) => comment.author === reviewer && comment.path?.startsWith(area))
      .slice(0, pullRequestsCited)
    const evidence: Evidence[] = [
      ...examples.map(({ comment }) => ({
        source: 'review' as const,
        text: `${reviewer} on #${comment.prNumber} (${comment.path}): ${quote(comment.body, 100)}`,
        ref: reviews.pullRequestUrl(comment.prNumber) ?? comment.url,
      })),
      ...(owner === undefined
        ? []
        : [
            {
              source: 'git' as const,
              text: `${area}: ${personLabel(owner.mainAuthor, context.people)} wrote ${percent(owner.mainAuthorShare)} of the commits (bus factor ${owner.busFactor})`,
              ref: area,
            },
          ]),
    ]
    const writer =
      owner === undefined ? '' : ` Most of its code is written by ${personLabel(owner.mainAuthor, context.people)}.`
    findings.push({
      id: findingId('team', 'area-reviewer', [area, reviewer]),
      title: `Ask ${reviewer} about ${area}: ${percent(comments / total)} of its review comments`,
      category: 'team',
      severity: owner !== undefined && owner.busFactor === 1 ? 'medium' : 'low',
      insight:
        `${reviewer} wrote ${comments} of the ${count(total, 'review comment')} on ${area}.${writer} They hold the unwritten rules ` +
        'of this area: ask them before a larger change, and have someone else review here too so the knowledge spreads.',
      evidence,
      files: [area],
    })
  }
  return findings
}

/** Directories one person both writes and reviews: what they know nobody else checks. */
function siloFindings(context: RepositoryContext, thresholds: OfflineThresholds): Finding[] {
  const reportable = reportablePaths(context)
  return (context.silos ?? [])
    .filter((silo) => silo.path === './' || reportable(silo.path))
    .map((silo): Finding => {
      const who = personLabel(silo.identity, context.people)
      return {
        id: findingId('team', 'silo', [silo.path, silo.identity]),
        title: `Knowledge silo: ${who} writes and reviews ${silo.path}`,
        category: 'team',
        severity:
          silo.writeShare >= thresholds.highOwnershipShare && silo.reviewShare >= thresholds.highOwnershipShare
            ? 'medium'
            : 'low',
        insight:
          `${who} wrote ${percent(silo.writeShare)} of the ${count(silo.commits, 'commit')} to files in ${silo.path} and, as ` +
          `${silo.login}, gave ${percent(silo.reviewShare)} of the ${count(silo.comments, 'review comment')} on them. ` +
          'What they know here is neither shared nor checked by anyone else: pair someone with them on the next change ' +
          'and have a second reviewer for this directory.',
        evidence: [
          {
            source: 'git',
            text: `${silo.path}: ${silo.identity} wrote ${percent(silo.writeShare)} of ${count(silo.commits, 'commit')}`,
            ref: silo.path,
          },
          {
            source: 'review',
            text: `${silo.path}: ${silo.login} gave ${percent(silo.reviewShare)} of ${count(silo.comments, 'review comment')}`,
          },
        ],
        files: [silo.path],
      }
    })
}

/** Pull requests waiting long for a first review. */
function waitingFinding(stats: ReviewStats, thresholds: OfflineThresholds): Finding[] {
  const { median, p90, count: timed } = stats.timeToFirstReview
  if (median === null || timed < thresholds.minTimedReviews || median < thresholds.slowFirstReviewHours) return []
  const hours = (value: number): string => `${Math.round(value)} h`
  return [
    {
      id: findingId('team', 'first-review-wait', []),
      title: `Pull requests wait ${hours(median)} (median) for a first review`,
      category: 'team',
      severity: median >= thresholds.slowFirstReviewHours * 3 ? 'medium' : 'low',
      insight:
        `Half of the ${count(timed, 'pull request')} waited more than ${hours(median)} for a first review` +
        `${p90 === null ? '' : `, one in ten more than ${hours(p90)}`}. Ask for review early, keep pull requests small, ` +
        'and name a reviewer when you open one.',
      evidence: [
        {
          source: 'review',
          text: `time to first review over ${count(timed, 'pull request')}: median ${hours(median)}${p90 === null ? '' : `, 90th percentile ${hours(p90)}`}`,
        },
      ],
      files: [],
    },
  ]
}

/** Team findings from the review data: review load concentration, who to ask about an area, review waits. */
export function reviewTeamFindings(
  context: RepositoryContext,
  reviews: ReviewIndex,
  stats: ReviewStats | undefined,
  thresholds: OfflineThresholds,
): RuleResult {
  const areas = takeTop(
    areaReviewerFindings(context, reviews, thresholds),
    thresholds.maxFindingsPerRule,
    'area reviewer findings',
  )
  const silos = takeTop(siloFindings(context, thresholds), thresholds.maxFindingsPerRule, 'knowledge-silo findings')
  if (stats === undefined)
    return { findings: [...areas.findings, ...silos.findings], notes: [...areas.notes, ...silos.notes] }
  return {
    findings: [
      ...reviewLoadFinding(stats, reviews, thresholds),
      ...waitingFinding(stats, thresholds),
      ...areas.findings,
      ...silos.findings,
    ],
    notes: [...areas.notes, ...silos.notes],
  }
}
