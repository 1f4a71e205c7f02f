import { historyReverts } from '@gitlore/analyzers'
import type { RepositoryContext } from '@gitlore/core'
import type { AnalysisLimits } from './analysis-limits.js'
import { cut, listElement, type Omission, ratio, type XmlElement } from './xml-element.js'

/** `generated="lockfile"` and `atHead="false"` for the paths the context marks so; nothing for current source files. */
function pathMarks(context: RepositoryContext): (path: string) => Record<string, string> {
  const facts = new Map(context.files.map((entry) => [entry.path, entry]))
  return (path) => {
    const known = facts.get(path)
    return {
      ...(known?.generated === undefined ? {} : { generated: known.generated }),
      ...(known?.atHead === false ? { atHead: 'false' } : {}),
    }
  }
}

/** The git statistics, in the order the synthesis reads them: coupling, hubs, hotspots, reverts, fix-after, conventions. */
export function writeHistory(
  root: XmlElement,
  context: RepositoryContext,
  limits: AnalysisLimits,
  omissions: Omission[],
): void {
  const marks = pathMarks(context)
  const { totals } = context
  const coupling = Math.min(limits.coupling, context.coupling.length)
  const couplingList = listElement(root, 'coupling', coupling, totals.coupling, omissions)
  for (const pair of context.coupling.slice(0, coupling)) {
    couplingList.ele('pair', { a: pair.a, b: pair.b, shared: String(pair.shared), degree: ratio(pair.degree) })
  }
  const hubs = Math.min(limits.hubs, context.hubs.length)
  const hubList = listElement(root, 'hubs', hubs, totals.hubs, omissions)
  for (const hub of context.hubs.slice(0, hubs)) {
    const element = hubList.ele('hub', { path: hub.path, partners: String(hub.partners), ...marks(hub.path) })
    for (const partner of hub.strongest) {
      element.ele('partner', {
        path: partner.path,
        shared: String(partner.shared),
        degree: ratio(partner.degree),
        ...marks(partner.path),
      })
    }
  }
  const hotspots = Math.min(limits.hotspots, context.hotspots.length)
  const hotspotList = listElement(root, 'hotspots', hotspots, totals.hotspots, omissions)
  for (const hotspot of context.hotspots.slice(0, hotspots)) {
    hotspotList.ele('file', {
      ...marks(hotspot.path),
      path: hotspot.path,
      commits: String(hotspot.commits),
      churn: String(hotspot.churn),
      authors: String(hotspot.authors),
      lastChanged: hotspot.lastChanged,
    })
  }
  // Only the reverts that undid something in the history: a squash-merged pull request whose body
  // holds an inner revert of a commit of its own branch would read as one more revert of its files.
  const undone = historyReverts(context.reverts)
  const reverts = Math.min(limits.reverts, undone.length)
  const revertList = listElement(root, 'reverts', reverts, undone.length, omissions)
  for (const revert of undone.slice(0, reverts)) {
    const element = revertList.ele('revert', {
      sha: revert.sha,
      ...(revert.revertedSha === null ? {} : { revertedSha: revert.revertedSha }),
      // Only a reverted commit in the history may be described as undone.
      ...(revert.revertedSha === null ? {} : { revertedInHistory: String(revert.revertedInHistory) }),
      ...(revert.revertedCommit === null ? {} : { revertedCommit: revert.revertedCommit }),
      files: revert.files.slice(0, 20).join(', '),
    })
    element.txt(cut(revert.subject, 200))
  }
  const fixAfter = Math.min(limits.fixAfter, context.fixAfter.length)
  const fixList = listElement(root, 'fixAfter', fixAfter, totals.fixAfter, omissions, 'fix-after')
  for (const entry of context.fixAfter.slice(0, fixAfter)) {
    const element = fixList.ele('file', { path: entry.path, fixes: String(entry.fixes), ...marks(entry.path) })
    for (const example of entry.examples) element.ele('fix', { commit: example.fix, after: example.before })
  }
  const { conventions } = context
  const element = root.ele('conventions', {
    conventionalShare: ratio(conventions.conventionalShare),
    prNumberSuffixShare: ratio(conventions.prNumberSuffixShare),
    medianSubjectLength: String(conventions.medianSubjectLength),
    coAuthoredShare: ratio(conventions.coAuthoredShare),
  })
  for (const [type, count] of Object.entries(conventions.prefixes).sort((a, b) => b[1] - a[1])) {
    element.ele('prefix', { type, count: String(count) })
  }
}

/** `<people>` and `<ownership>`: who writes the commits and who holds which paths. */
export function writePeople(
  root: XmlElement,
  context: RepositoryContext,
  limits: AnalysisLimits,
  omissions: Omission[],
): void {
  const marks = pathMarks(context)
  const people = Math.min(limits.people, context.people.length)
  const peopleList = listElement(root, 'people', people, context.totals.people, omissions)
  for (const person of context.people.slice(0, people)) {
    peopleList.ele('person', {
      identity: person.identity,
      name: person.name,
      commits: String(person.commits),
      files: String(person.files),
      lastCommit: person.lastCommit,
      ...(person.automation === undefined ? {} : { automation: person.automation }),
    })
  }
  const identities = root.ele('identityMerges', { count: String(context.identities.length) })
  for (const merge of context.identities.slice(0, people)) {
    const element = identities.ele('person', { identity: merge.identity, name: merge.name })
    for (const alias of merge.aliases) element.ele('alias', { identity: alias.identity, reason: alias.reason })
  }
  const { automation, generated } = context
  const automationElement = root.ele('automation', {
    commits: String(automation.commits),
    releaseCommits: String(automation.releaseCommits),
  })
  for (const bot of automation.bots) {
    automationElement.ele('bot', { identity: bot.identity, name: bot.name, commits: String(bot.commits) })
  }
  root.ele('generated', {
    files: String(generated.files),
    ...Object.fromEntries(Object.entries(generated.byReason).map(([reason, count]) => [reason, String(count)])),
  })
  const ownership = Math.min(limits.people, context.ownership.length)
  const ownershipList = listElement(root, 'ownership', ownership, context.ownership.length, omissions)
  for (const entry of context.ownership.slice(0, ownership)) {
    ownershipList.ele('path', {
      ...marks(entry.path),
      path: entry.path,
      commits: String(entry.commits),
      mainAuthor: entry.mainAuthor,
      mainAuthorShare: ratio(entry.mainAuthorShare),
      authors: String(entry.authors),
      busFactor: String(entry.busFactor),
    })
  }
}

/** `<knowledgeLoss>`: inactive authors and the files whose main author they are. */
export function writeKnowledgeLoss(
  root: XmlElement,
  context: RepositoryContext,
  limits: AnalysisLimits,
  omissions: Omission[],
): void {
  const loss = context.knowledgeLoss
  const element = root.ele('knowledgeLoss', {
    inactiveDays: String(loss.inactiveDays),
    asOf: loss.asOf,
    inactiveAuthors: String(loss.inactiveAuthors),
  })
  for (const author of loss.authors.slice(0, limits.people)) {
    element.ele('author', {
      identity: author.identity,
      lastCommit: author.lastCommit,
      files: String(author.files),
      commits: String(author.commits),
    })
  }
  const shown = Math.min(limits.people, loss.paths.length)
  const files = listElement(element, 'files', shown, context.totals.knowledgeLoss, omissions, 'knowledge-loss files')
  for (const entry of loss.paths.slice(0, shown)) {
    files.ele('file', {
      path: entry.path,
      commits: String(entry.commits),
      mainAuthor: entry.mainAuthor,
      mainAuthorShare: ratio(entry.mainAuthorShare),
      mainAuthorLastCommit: entry.mainAuthorLastCommit,
    })
  }
}
