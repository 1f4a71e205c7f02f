import type { RepositoryContext } from '@gitlore/core'
import type { AnalysisLimits } from './analysis-limits.js'
import { cut, listElement, type Omission, ratio, type XmlElement } from './xml-element.js'

/** The git statistics, in the order the synthesis reads them: coupling, hubs, hotspots, reverts, fix-after, conventions. */
export function writeHistory(
  root: XmlElement,
  context: RepositoryContext,
  limits: AnalysisLimits,
  omissions: Omission[],
): void {
  const coupling = Math.min(limits.coupling, context.coupling.length)
  const couplingList = listElement(root, 'coupling', coupling, context.coupling.length, omissions)
  for (const pair of context.coupling.slice(0, coupling)) {
    couplingList.ele('pair', { a: pair.a, b: pair.b, shared: String(pair.shared), degree: ratio(pair.degree) })
  }
  const hubs = Math.min(limits.hubs, context.hubs.length)
  const hubList = listElement(root, 'hubs', hubs, context.hubs.length, omissions)
  for (const hub of context.hubs.slice(0, hubs)) hubList.ele('hub', { path: hub.path, partners: String(hub.partners) })
  const hotspots = Math.min(limits.hotspots, context.hotspots.length)
  const hotspotList = listElement(root, 'hotspots', hotspots, context.hotspots.length, omissions)
  for (const hotspot of context.hotspots.slice(0, hotspots)) {
    hotspotList.ele('file', {
      path: hotspot.path,
      commits: String(hotspot.commits),
      churn: String(hotspot.churn),
      authors: String(hotspot.authors),
      lastChanged: hotspot.lastChanged,
    })
  }
  const reverts = Math.min(limits.reverts, context.reverts.length)
  const revertList = listElement(root, 'reverts', reverts, context.reverts.length, omissions)
  for (const revert of context.reverts.slice(0, reverts)) {
    const element = revertList.ele('revert', {
      sha: revert.sha,
      ...(revert.revertedSha === null ? {} : { revertedSha: revert.revertedSha }),
      files: revert.files.slice(0, 20).join(', '),
    })
    element.txt(cut(revert.subject, 200))
  }
  const fixAfter = Math.min(limits.fixAfter, context.fixAfter.length)
  const fixList = listElement(root, 'fixAfter', fixAfter, context.fixAfter.length, omissions, 'fix-after')
  for (const entry of context.fixAfter.slice(0, fixAfter))
    fixList.ele('file', { path: entry.path, fixes: String(entry.fixes) })
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
  const people = Math.min(limits.people, context.people.length)
  const peopleList = listElement(root, 'people', people, context.people.length, omissions)
  for (const person of context.people.slice(0, people)) {
    peopleList.ele('person', {
      identity: person.identity,
      name: person.name,
      commits: String(person.commits),
      files: String(person.files),
    })
  }
  const ownership = Math.min(limits.people, context.ownership.length)
  const ownershipList = listElement(root, 'ownership', ownership, context.ownership.length, omissions)
  for (const entry of context.ownership.slice(0, ownership)) {
    ownershipList.ele('path', {
      path: entry.path,
      mainAuthor: entry.mainAuthor,
      mainAuthorShare: ratio(entry.mainAuthorShare),
      authors: String(entry.authors),
      busFactor: String(entry.busFactor),
    })
  }
}
