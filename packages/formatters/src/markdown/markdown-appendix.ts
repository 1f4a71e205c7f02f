import type { RepositoryContext, Revert } from '@gitlore/core'
import { personLabel } from '../shared/report-facts.js'
import { commitLink } from './markdown-refs.js'
import { codeSpan, escapeInline, integer, oneLine, percent, table } from './markdown-text.js'

const prefixesShown = 6
const revertFilesShown = 2

export interface Section {
  readonly title: string
  /** A line under the heading (totals, what the rows are). */
  readonly lead?: string
  readonly headers: readonly string[]
  /** Indexes of the columns holding numbers (aligned right). */
  readonly numeric: readonly number[]
  readonly rows: readonly (readonly string[])[]
}

/** The git statistics of the context as tables, each cut to `maxRows` with a pointer to the rest. */
export function markdownAppendix(context: RepositoryContext, github: string | null, maxRows: number): string {
  const sections: Section[] = [
    {
      title: 'Hotspots (most changed files)',
      headers: ['File', 'Commits', 'Lines changed', 'Authors', 'Last changed'],
      numeric: [1, 2, 3],
      rows: context.hotspots.map((hotspot) => [
        codeSpan(hotspot.path),
        integer(hotspot.commits),
        `${integer(hotspot.churn)} (+${integer(hotspot.added)}/-${integer(hotspot.removed)})`,
        integer(hotspot.authors),
        hotspot.lastChanged.slice(0, 10),
      ]),
    },
    {
      title: 'Files that change together',
      headers: ['File', 'Changes with', 'Shared commits', 'Degree'],
      numeric: [2, 3],
      rows: context.coupling.map((pair) => [
        codeSpan(pair.a),
        codeSpan(pair.b),
        integer(pair.shared),
        pair.degree.toFixed(2),
      ]),
    },
    {
      title: 'Coupling hubs',
      headers: ['File', 'Partners'],
      numeric: [1],
      rows: context.hubs.map((hub) => [codeSpan(hub.path), integer(hub.partners)]),
    },
    {
      title: 'Reverts',
      headers: ['Revert', 'Subject', 'Reverted commit', 'Files'],
      numeric: [],
      rows: context.reverts.map((revert) => [
        commitLink(revert.sha, github),
        escapeInline(oneLine(revert.subject)),
        revertedCell(revert, github),
        fileList(revert.files),
      ]),
    },
    {
      title: 'Fixes soon after a change',
      headers: ['File', 'Fix commits'],
      numeric: [1],
      rows: context.fixAfter.map((entry) => [codeSpan(entry.path), integer(entry.fixes)]),
    },
    conventionsSection(context),
    {
      title: 'Ownership',
      headers: ['Path', 'Main author', 'Share', 'Authors', 'Bus factor'],
      numeric: [2, 3, 4],
      rows: context.ownership.map((entry) => [
        codeSpan(entry.path),
        escapeInline(personLabel(entry.mainAuthor, context.people)),
        percent(entry.mainAuthorShare),
        integer(entry.authors),
        integer(entry.busFactor),
      ]),
    },
    {
      title: 'People',
      headers: ['Person', 'Commits', 'Files touched'],
      numeric: [1, 2],
      rows: [...context.people]
        .sort((a, b) => b.commits - a.commits || (a.identity < b.identity ? -1 : 1))
        .map((person) => [
          escapeInline(personLabel(person.identity, context.people)),
          integer(person.commits),
          integer(person.files),
        ]),
    },
  ]
  return [
    '## Git statistics (supporting evidence)',
    'What the history shows; every number can be checked with `git log --numstat --no-renames`.',
    ...sections.map((section) => sectionMarkdown(section, maxRows)),
  ].join('\n\n')
}

/** A `###` section: its table cut to `maxRows`, then how many more rows context.json holds; or "None in this window." */
export function sectionMarkdown(section: Section, maxRows: number): string {
  const heading = [`### ${section.title}`, ...(section.lead === undefined ? [] : [section.lead])].join('\n\n')
  if (section.rows.length === 0) return `${heading}\n\nNone in this window.`
  const shown = table(section.headers, section.rows.slice(0, maxRows), section.numeric)
  const more = section.rows.length - maxRows
  return more > 0
    ? `${heading}\n\n${shown}\n\n(${integer(more)} more in .gitlore/context.json)`
    : `${heading}\n\n${shown}`
}

function conventionsSection(context: RepositoryContext): Section {
  const conventions = context.conventions
  const prefixes = Object.entries(conventions.prefixes)
    .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : 1))
    .slice(0, prefixesShown)
    .map(([type, uses]) => `${escapeInline(type)} ${integer(uses)}`)
  return {
    title: 'Commit conventions',
    headers: ['Measure', 'Value'],
    numeric: [],
    rows: [
      ['Conventional Commits subjects', percent(conventions.conventionalShare)],
      ['Most used types', prefixes.length === 0 ? 'none' : prefixes.join(', ')],
      ['Subjects ending in a PR number "(#N)"', percent(conventions.prNumberSuffixShare)],
      ['Median subject length', `${integer(conventions.medianSubjectLength)} characters`],
      ['Commits with a Co-authored-by trailer', percent(conventions.coAuthoredShare)],
    ],
  }
}

/**
 * The commit a revert undid: linked only when it is in the analysed history; a sha it names that no
 * commit of the history has (a squash-merged branch's own commit) is shown as written, said so.
 */
function revertedCell(revert: Revert, github: string | null): string {
  if (revert.revertedCommit !== null) return commitLink(revert.revertedCommit, github)
  return revert.revertedSha === null ? 'not named' : `${codeSpan(revert.revertedSha)} (not in history)`
}

/** The first two files as code spans, then how many more. */
export function fileList(files: readonly string[]): string {
  const shown = files.slice(0, revertFilesShown).map(codeSpan).join(', ')
  return files.length > revertFilesShown ? `${shown} and ${integer(files.length - revertFilesShown)} more` : shown
}
