import type { Finding, Ownership, PersonStats, RepositoryContext } from '@gitlore/core'
import { count, list, percent, personLabel } from './describe.js'
import { findingId } from './finding-id.js'
import { knowledgeLossFindings } from './knowledge-loss-findings.js'
import type { OfflineThresholds } from './offline-thresholds.js'
import { isDirectory } from './path-kinds.js'
import { reportablePaths } from './reportable-paths.js'
import type { RuleResult } from './rule-result.js'
import { takeTop } from './rule-result.js'

const maxPathsPerOwner = 10
const peopleShown = 3

/**
 * Where knowledge sits with one person: hot files and top-level directories with bus factor 1
 * (one finding per main author), and one person writing most of the commits.
 */
export function teamFindings(context: RepositoryContext, thresholds: OfflineThresholds): RuleResult {
  if (context.commits.authors < thresholds.minTeamAuthors) {
    return {
      findings: [],
      notes: [
        `Ownership and people findings skipped: ${count(context.commits.authors, 'author')} in the window, so every path has a single owner by construction.`,
      ],
    }
  }
  if (context.commits.total < thresholds.minTeamCommits) {
    return {
      findings: [],
      notes: [
        `Ownership and people findings skipped: ${count(context.commits.total, 'commit')} cannot show how work is spread.`,
      ],
    }
  }
  const owners = takeTop(ownerFindings(context, thresholds), thresholds.maxFindingsPerRule, 'ownership findings')
  const lost = takeTop(
    knowledgeLossFindings(context, thresholds),
    thresholds.maxFindingsPerRule,
    'knowledge-loss findings',
  )
  return {
    findings: [...peopleFinding(context, thresholds), ...owners.findings, ...lost.findings],
    notes: [...owners.notes, ...lost.notes],
  }
}

function ownerFindings(context: RepositoryContext, thresholds: OfflineThresholds): Finding[] {
  const reportable = reportablePaths(context)
  const bots = new Set(context.automation.bots.map((bot) => bot.identity))
  const byOwner = new Map<string, Ownership[]>()
  for (const entry of context.ownership) {
    if (entry.busFactor !== 1 || entry.commits < thresholds.minOwnedCommits) continue
    if (!reportable(entry.path) || bots.has(entry.mainAuthor)) continue
    byOwner.set(entry.mainAuthor, [...(byOwner.get(entry.mainAuthor) ?? []), entry])
  }
  const findings = [...byOwner.entries()].map(([owner, entries]) => {
    // Directories first (a whole area), then the owner's strongest hold.
    const ordered = [...entries].sort(
      (a, b) =>
        Number(isDirectory(b.path)) - Number(isDirectory(a.path)) ||
        b.mainAuthorShare - a.mainAuthorShare ||
        (a.path < b.path ? -1 : 1),
    )
    const shown = ordered.slice(0, maxPathsPerOwner)
    const who = personLabel(owner, context.people)
    const held = shown.slice(0, 3).map((entry) => `${entry.path} (${percent(entry.mainAuthorShare)})`)
    const more = ordered.length > 3 ? ` and ${ordered.length - 3} more` : ''
    const area = ordered.some(
      (entry) => isDirectory(entry.path) && entry.mainAuthorShare >= thresholds.highOwnershipShare,
    )
    const finding: Finding = {
      id: findingId('team', 'owner', [owner]),
      title: `Bus factor 1: ${who} holds ${ordered[0]?.path ?? ''}${ordered.length > 1 ? ` and ${ordered.length - 1} more` : ''}`,
      category: 'team',
      severity: area ? 'high' : 'medium',
      insight:
        `${who} wrote most of the commits to ${list(held)}${more}: the bus factor there is 1, so when they are ` +
        'away nobody else knows these paths as well. Ask them to review changes here, and spread the knowledge: ' +
        'have someone else make the next change with them reviewing.',
      evidence: shown.map((entry) => ({
        source: 'git' as const,
        text:
          `${entry.path}: ${owner} wrote ${percent(entry.mainAuthorShare)} of ${count(entry.commits, 'commit')} ` +
          `(${count(entry.authors, 'author')} in all, bus factor ${entry.busFactor})`,
        ref: entry.path,
      })),
      files: shown.map((entry) => entry.path),
    }
    return finding
  })
  return findings.sort(
    (a, b) =>
      Number(b.severity === 'high') - Number(a.severity === 'high') ||
      b.files.length - a.files.length ||
      (a.id < b.id ? -1 : 1),
  )
}

function peopleFinding(context: RepositoryContext, thresholds: OfflineThresholds): Finding[] {
  const total = context.commits.total
  // Bots write commits, not knowledge: the share is stated for people only.
  const people = context.people
    .filter((person) => person.automation === undefined)
    .sort((a, b) => b.commits - a.commits || (a.identity < b.identity ? -1 : a.identity > b.identity ? 1 : 0))
  const top = people[0]
  if (top === undefined || top.commits / total < thresholds.peopleShare) return []
  const share = top.commits / total
  const who = personLabel(top.identity, context.people)
  return [
    {
      id: findingId('team', 'people', [top.identity]),
      title: `${who} wrote ${percent(share)} of the commits`,
      category: 'team',
      severity: share >= thresholds.highPeopleShare ? 'high' : 'medium',
      insight:
        `${who} wrote ${top.commits.toLocaleString('en-US')} of the ${count(total, 'non-merge commit')} in this window ` +
        `(${percent(share)}), among ${count(context.commits.authors, 'author')}. Much of the project's knowledge sits with them: ` +
        'route design questions to them, and plan for reviews and releases when they are away.',
      evidence: people.slice(0, peopleShown).map((person: PersonStats) => ({
        source: 'git' as const,
        text: `${personLabel(person.identity, context.people)}: ${count(person.commits, 'commit')}, ${count(person.files, 'file')} touched`,
      })),
      files: [],
    },
  ]
}
