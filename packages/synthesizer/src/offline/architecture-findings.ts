import type { CouplingPair, Evidence, Finding, RepositoryContext, Severity } from '@gitlore/core'
import { count, decimal, list } from './describe.js'
import { findingId } from './finding-id.js'
import type { OfflineThresholds } from './offline-thresholds.js'
import { commonDirectory, isTestPair, parentDirectory, topLevelDirectory } from './path-kinds.js'
import { reportablePaths } from './reportable-paths.js'
import type { RuleResult } from './rule-result.js'
import { severityRank, takeTop } from './rule-result.js'

const maxEvidencePairs = 10
const maxHubPartnersShown = 5

/**
 * Files that change together: strongly coupled pairs, grouped into clusters where the pairs
 * connect a handful of files, and hubs coupled with many files.
 */
export function architectureFindings(context: RepositoryContext, thresholds: OfflineThresholds): RuleResult {
  const reportable = reportablePaths(context)
  const strong = context.coupling.filter(
    (pair) =>
      pair.degree >= thresholds.minCouplingDegree &&
      pair.shared >= thresholds.minCouplingShared &&
      reportable(pair.a) &&
      reportable(pair.b),
  )
  const expected = strong.filter((pair) => isTestPair(pair.a, pair.b))
  const coupled: { finding: Finding; shared: number }[] = []
  for (const pairs of components(strong.filter((pair) => !isTestPair(pair.a, pair.b)))) {
    const files = new Set(pairs.flatMap((pair) => [pair.a, pair.b]))
    const shared = Math.max(...pairs.map((pair) => pair.shared))
    if (pairs.length === 1 || files.size > thresholds.maxClusterFiles) {
      coupled.push(...pairs.map((pair) => ({ finding: pairFinding(pair, thresholds), shared: pair.shared })))
    } else {
      coupled.push({ finding: clusterFinding([...files].sort(), pairs, thresholds), shared })
    }
  }
  // Of equal severity, the finding backed by the most shared commits comes first.
  coupled.sort((a, b) => severityRank(a.finding.severity) - severityRank(b.finding.severity) || b.shared - a.shared)
  const pairs = takeTop(
    coupled.map((item) => item.finding),
    thresholds.maxFindingsPerRule,
    'coupling findings',
  )
  const hubs = takeTop(hubFindings(context, thresholds, reportable), thresholds.maxFindingsPerRule, 'hub findings')
  const notes =
    expected.length === 0
      ? []
      : [
          `${count(expected.length, 'strongly coupled source/test pair')} not reported: a test changing with its code is expected.`,
        ]
  return { findings: [...pairs.findings, ...hubs.findings], notes: [...notes, ...pairs.notes, ...hubs.notes] }
}

/** Groups pairs into connected components (files linked through strong pairs), in input order. */
function components(pairs: readonly CouplingPair[]): CouplingPair[][] {
  const parent = new Map<string, string>()
  const root = (file: string): string => {
    let current = file
    while (parent.get(current) !== current) current = parent.get(current) ?? current
    return current
  }
  for (const pair of pairs) {
    for (const file of [pair.a, pair.b]) if (!parent.has(file)) parent.set(file, file)
    const [a, b] = [root(pair.a), root(pair.b)]
    // The smaller path becomes the root, so the grouping does not depend on pair order.
    const [low, high] = a < b ? [a, b] : [b, a]
    if (low !== high) parent.set(high, low)
  }
  const groups = new Map<string, CouplingPair[]>()
  for (const pair of pairs) groups.set(root(pair.a), [...(groups.get(root(pair.a)) ?? []), pair])
  return [...groups.values()]
}

function pairSeverity(pair: CouplingPair, thresholds: OfflineThresholds): Severity {
  if (topLevelDirectory(pair.a) !== topLevelDirectory(pair.b) && pair.degree >= thresholds.highCouplingDegree) {
    return 'high'
  }
  return parentDirectory(pair.a) === parentDirectory(pair.b) ? 'low' : 'medium'
}

function pairEvidence(pair: CouplingPair): Evidence {
  return {
    source: 'git',
    text: `${pair.a} + ${pair.b}: ${count(pair.shared, 'shared commit')}, coupling degree ${decimal(pair.degree)}`,
    ref: pair.a,
  }
}

function pairFinding(pair: CouplingPair, thresholds: OfflineThresholds): Finding {
  const apart = parentDirectory(pair.a) !== parentDirectory(pair.b)
  return {
    id: findingId('architecture', 'coupled', [pair.a, pair.b]),
    title: `${pair.a} and ${pair.b} change together`,
    category: 'architecture',
    severity: pairSeverity(pair, thresholds),
    insight:
      `${pair.a} and ${pair.b} changed together in ${count(pair.shared, 'commit')} ` +
      `(coupling degree ${decimal(pair.degree)}: shared commits over their average number of commits). ` +
      (apart ? 'They live in different directories, so the link is easy to miss. ' : '') +
      'When you change one, check whether the other needs the same change.',
    evidence: [pairEvidence(pair)],
    files: [pair.a, pair.b],
  }
}

function clusterFinding(
  files: readonly string[],
  pairs: readonly CouplingPair[],
  thresholds: OfflineThresholds,
): Finding {
  const directory = commonDirectory(files)
  const directories = new Set(files.map(parentDirectory))
  const severity = pairs
    .map((pair) => pairSeverity(pair, thresholds))
    .sort((a, b) => severityRank(a) - severityRank(b))[0]
  const strongest = [...pairs].sort((a, b) => b.shared - a.shared || b.degree - a.degree)
  const maxShared = strongest[0]?.shared ?? 0
  return {
    id: findingId('architecture', 'cluster', files),
    title: `${files.length} files change together${directory === '' ? '' : ` in ${directory}`}`,
    category: 'architecture',
    severity: severity ?? 'low',
    insight:
      `${list(files)} form a group that changes as a unit: ` +
      `pairs of them changed together in up to ${count(maxShared, 'commit')}. ` +
      (directories.size > 1
        ? `The group spans ${directories.size} directories, a dependency worth documenting or refactoring. `
        : '') +
      'A change to one of them usually needs changes to the others; review them together.',
    evidence: strongest.slice(0, maxEvidencePairs).map(pairEvidence),
    files,
  }
}

function hubFindings(
  context: RepositoryContext,
  thresholds: OfflineThresholds,
  reportable: (path: string) => boolean,
): Finding[] {
  return context.hubs
    .filter((hub) => hub.partners >= thresholds.minHubPartners && reportable(hub.path))
    .map((hub): Finding => {
      // Taken from the full coupling list by the analysis; only partners that still exist are named.
      const partners = hub.strongest.filter((partner) => reportable(partner.path)).slice(0, maxHubPartnersShown)
      const named =
        partners.length === 0
          ? ''
          : ` Its strongest partners: ${list(partners.map((partner) => `${partner.path} (${count(partner.shared, 'shared commit')})`))}.`
      return {
        id: findingId('architecture', 'hub', [hub.path]),
        title: `${hub.path} is a coupling hub (${count(hub.partners, 'partner')})`,
        category: 'architecture',
        severity: hub.partners >= thresholds.manyHubPartners ? 'medium' : 'low',
        insight:
          `${hub.path} changes together with ${count(hub.partners, 'other file')} often enough to form coupling pairs, ` +
          `so edits to it ripple.${named} Before changing it, look at those files and run their tests.`,
        evidence: [
          {
            source: 'git',
            text: `${hub.path} forms coupling pairs with ${count(hub.partners, 'file')}`,
            ref: hub.path,
          },
          ...partners.map((partner) =>
            pairEvidence({ a: hub.path, b: partner.path, shared: partner.shared, degree: partner.degree }),
          ),
        ],
        files: [hub.path, ...partners.map((partner) => partner.path)],
      }
    })
}
