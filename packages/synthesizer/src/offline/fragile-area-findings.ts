import { undidHistory } from '@gitlore/analyzers'
import type { Evidence, Finding, FixAfter, Hotspot, RepositoryContext, Revert, Severity } from '@gitlore/core'
import { count, list, oneLine, quote, shortSha, times } from './describe.js'
import { findingId } from './finding-id.js'
import type { OfflineThresholds } from './offline-thresholds.js'
import { reportablePaths } from './reportable-paths.js'
import type { RuleResult } from './rule-result.js'
import { severityRank, takeTop } from './rule-result.js'

interface FileSignals {
  readonly path: string
  readonly reverts: Revert[]
  /** Fix-after count when the file is fix-prone, else 0. */
  fixes: number
  /** The fix-after entry when the file is fix-prone: its newest fixes name the commits. */
  fixAfter: FixAfter | undefined
  /** True when the fixes reach `manyFixes`. */
  manyFixes: boolean
  /** The hotspot entry when the file is one of the hot files. */
  hot: Hotspot | undefined
}

const maxFilesPerFinding = 20

/**
 * Files that did not stick (reverted), needed quick follow-up fixes, or change more than any
 * other: one finding per file combining its signals, and one per set of files reverted together.
 */
export function fragileAreaFindings(context: RepositoryContext, thresholds: OfflineThresholds): RuleResult {
  const signals = collectSignals(context, thresholds)
  const single: FileSignals[] = []
  const revertedTogether = new Map<string, FileSignals[]>()
  for (const file of signals.values()) {
    if (file.fixes === 0 && file.hot === undefined && file.reverts.length > 0) {
      const key = file.reverts.map((revert) => revert.sha).join(' ')
      revertedTogether.set(key, [...(revertedTogether.get(key) ?? []), file])
    } else {
      single.push(file)
    }
  }
  const findings = [
    ...single.map(fileFinding),
    ...[...revertedTogether.values()].map((files) =>
      files.length === 1 && files[0] !== undefined ? fileFinding(files[0]) : groupFinding(files),
    ),
  ].sort((a, b) => severityRank(a.finding.severity) - severityRank(b.finding.severity) || b.weight - a.weight)
  return takeTop(
    findings.map((item) => item.finding),
    thresholds.maxFindingsPerRule,
    'fragile-area findings',
  )
}

function collectSignals(context: RepositoryContext, thresholds: OfflineThresholds): Map<string, FileSignals> {
  const signals = new Map<string, FileSignals>()
  const fileSignals = (path: string): FileSignals => {
    const known = signals.get(path)
    if (known !== undefined) return known
    const file: FileSignals = { path, reverts: [], fixes: 0, fixAfter: undefined, manyFixes: false, hot: undefined }
    signals.set(path, file)
    return file
  }
  const reportable = reportablePaths(context)
  // The context keeps every revert (the list is never capped), so these counts are complete. Only
  // a revert that undid something in the history counts: a squash-merged pull request whose body
  // holds an inner revert of a commit of its own branch merely touched these files.
  const seenReverts = new Set<string>()
  for (const revert of context.reverts) {
    if (seenReverts.has(revert.sha) || !undidHistory(revert)) continue
    seenReverts.add(revert.sha)
    for (const path of new Set(revert.files)) {
      if (reportable(path)) fileSignals(path).reverts.push(revert)
    }
  }
  for (const entry of context.fixAfter) {
    if (entry.fixes < thresholds.minFixes || !reportable(entry.path)) continue
    const file = fileSignals(entry.path)
    file.fixes = entry.fixes
    file.fixAfter = entry
  }
  // Ownership counts people's commits only: a file busy mostly with bot or release commits
  // (version bumps of package.json) is not where people's changes concentrate.
  const counted = new Map(context.ownership.map((entry) => [entry.path, entry.commits]))
  const hot = context.hotspots
    .filter((hotspot) => reportable(hotspot.path))
    .filter((hotspot) => (counted.get(hotspot.path) ?? hotspot.commits) * 2 > hotspot.commits)
    .slice(0, thresholds.hotspotCount)
    .filter((hotspot) => hotspot.commits >= thresholds.minHotspotCommits)
  for (const hotspot of hot) fileSignals(hotspot.path).hot = hotspot
  for (const file of signals.values()) file.manyFixes = file.fixes >= thresholds.manyFixes
  return signals
}

interface Weighted {
  readonly finding: Finding
  /** Orders findings of equal severity: more trouble first. */
  readonly weight: number
}

function fileSeverity(file: FileSignals): Severity {
  const reverted = file.reverts.length
  if (reverted >= 2 || (reverted >= 1 && file.fixes > 0) || (file.manyFixes && file.hot !== undefined)) return 'high'
  if (reverted >= 1 || file.fixes > 0) return 'medium'
  return 'low'
}

function fileFinding(file: FileSignals): Weighted {
  const facts: string[] = []
  const titleParts: string[] = []
  const advice: string[] = []
  if (file.reverts.length > 0) {
    titleParts.push(count(file.reverts.length, 'revert'))
    facts.push(
      `was reverted ${times(file.reverts.length)} (${list(file.reverts.map((revert) => shortSha(revert.sha)))})`,
    )
    advice.push('Read the reverted changes before editing it: those approaches did not stick.')
  }
  if (file.fixes > 0) {
    titleParts.push(count(file.fixes, 'quick fix', 'quick fixes'))
    facts.push(`took ${count(file.fixes, 'fix commit')} shortly after other changes to it`)
    advice.push(
      'Changes here tend to need a follow-up fix: test the behaviour you touch and ask a recent author to review.',
    )
  }
  if (file.hot !== undefined) {
    titleParts.push(count(file.hot.commits, 'commit'))
    facts.push(
      `is one of the busiest files (${count(file.hot.commits, 'commit')} by ${count(file.hot.authors, 'author')}, ${count(file.hot.churn, 'line')} churned)`,
    )
    if (advice.length === 0) {
      advice.push(
        'Conflicts and regressions concentrate where change does: keep edits small and read its recent history first.',
      )
    }
  }
  const evidence: Evidence[] = [
    ...file.reverts.map(revertEvidence),
    ...(file.fixAfter === undefined ? [] : fixEvidence(file.fixAfter)),
    ...(file.hot === undefined ? [] : [hotspotEvidence(file.hot)]),
  ]
  const finding: Finding = {
    id: findingId('fragile_area', 'file', [file.path]),
    title: `${file.path}: ${titleParts.join(', ')}`,
    category: 'fragile_area',
    severity: fileSeverity(file),
    insight: `In this window ${file.path} ${list(facts)}. ${advice.join(' ')}`,
    evidence,
    files: [file.path],
  }
  return { finding, weight: file.reverts.length * 100 + file.fixes * 10 + (file.hot?.commits ?? 0) / 1000 }
}

function groupFinding(files: readonly FileSignals[]): Weighted {
  const paths = files.map((file) => file.path).sort()
  const reverts = files[0]?.reverts ?? []
  const undone = reverts.length === 1 && reverts[0] !== undefined ? originalSubject(reverts[0].subject) : undefined
  const shown = paths.slice(0, maxFilesPerFinding)
  const finding: Finding = {
    id: findingId('fragile_area', 'reverted-together', paths),
    title:
      undone === undefined
        ? `${paths.length} files reverted together ${times(reverts.length)}`
        : `Reverted: ${quote(undone)} (${count(paths.length, 'file')})`,
    category: 'fragile_area',
    severity: reverts.length >= 2 ? 'high' : 'medium',
    insight:
      `${count(paths.length, 'file')} changed together and were reverted ${times(reverts.length)} ` +
      `(${list(reverts.map((revert) => shortSha(revert.sha)))}): ${list(shown.slice(0, 3))}` +
      `${paths.length > 3 ? ` and ${paths.length - 3} more` : ''}. ` +
      (reverts.some((revert) => revert.revertedCommit !== null)
        ? 'That change did not stick: read the revert and the commit it undid before trying something similar here.'
        : 'That change did not stick: read the revert before trying something similar here.'),
    evidence: reverts.map(revertEvidence),
    files: shown,
  }
  return { finding, weight: reverts.length * 100 + paths.length / 1000 }
}

/** `Revert "feat: x"` -> `feat: x`; other subjects unchanged. */
function originalSubject(subject: string): string {
  const match = /^Revert "(.*)"\s*$/.exec(subject)
  return match?.[1] ?? subject
}

/**
 * A revert, and the commit it undid only when that commit is in the history: a squash-merged pull
 * request often names a commit of its own branch, which no reader could look up.
 */
function revertEvidence(revert: Revert): Evidence {
  const undid = revert.revertedCommit === null ? '' : `, undoing ${shortSha(revert.revertedCommit)}`
  return {
    source: 'git',
    text: `Reverted in ${shortSha(revert.sha)}: ${oneLine(revert.subject)}${undid}`,
    ref: revert.sha,
  }
}

/** The path's quick fixes, each naming the fix and the change it followed, so each can be checked in git. */
function fixEvidence(entry: FixAfter): Evidence[] {
  const named = entry.examples.map(
    (example): Evidence => ({
      source: 'git',
      text: `Fix ${shortSha(example.fix)} followed ${shortSha(example.before)} on ${entry.path}`,
      ref: example.fix,
    }),
  )
  const rest = entry.fixes - entry.examples.length
  return [
    {
      source: 'git',
      text:
        `${count(entry.fixes, 'fix commit')} to ${entry.path} came shortly after another change to it` +
        (rest > 0 ? `; the newest ${entry.examples.length} are named below` : ''),
      ref: entry.path,
    },
    ...named,
  ]
}

function hotspotEvidence(hotspot: Hotspot): Evidence {
  return {
    source: 'git',
    text:
      `${count(hotspot.commits, 'commit')} by ${count(hotspot.authors, 'author')}, ` +
      `+${hotspot.added.toLocaleString('en-US')}/-${hotspot.removed.toLocaleString('en-US')} lines, ` +
      `last changed ${hotspot.lastChanged.slice(0, 10)}`,
    ref: hotspot.path,
  }
}
