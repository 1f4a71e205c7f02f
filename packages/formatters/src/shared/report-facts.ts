import type { Finding, FindingCategory, PersonStats, RepositoryContext, RepositoryInfo } from '@gitlore/core'
import { findingCategories, severities } from '@gitlore/core'
import type { DegradedStage, ReportInput } from '../formatter.js'

const githubName = /^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+$/
const fullSha = /^[0-9a-f]{40}$/i
const abbreviatedSha = /^[0-9a-f]{7,39}$/i
const webAddress = /^https?:\/\/[^\s<>"'`\\]+$/i

/** Plural titles of the finding categories, as section headings show them. */
export const categoryTitles: Readonly<Record<FindingCategory, string>> = {
  fragile_area: 'Fragile areas',
  landmine: 'Landmines',
  architecture: 'Architecture',
  code_pattern: 'Code patterns',
  convention: 'Conventions',
  tooling: 'Tooling',
  team: 'Team',
}

/** `owner/repo` when the repository's remote is on GitHub (the context stores it in that form), else null. */
export function githubRepository(repository: RepositoryInfo): string | null {
  return repository.remote !== null && githubName.test(repository.remote) ? repository.remote : null
}

/** The GitHub repository commits link to: the origin's, else the one GitHub data came from (`repo.github`). */
export function linkedGithub(repository: RepositoryInfo): string | null {
  const github = githubRepository(repository)
  if (github !== null) return github
  return repository.github !== undefined && githubName.test(repository.github) ? repository.github : null
}

/**
 * The repository's name for titles: its GitHub remote, else the GitHub repository the reviews came
 * from, else its remote, else its directory name.
 */
export function repositoryName(context: RepositoryContext, reviewRepository?: string): string {
  const { remote, path } = context.repo
  if (remote !== null && githubName.test(remote)) return remote
  if (reviewRepository !== undefined && githubName.test(reviewRepository)) return reviewRepository
  return remote ?? path.split(/[\\/]/).filter(Boolean).at(-1) ?? path
}

/** "Name (identity)", or the identity alone when no name is known. */
export function personLabel(identity: string, people: readonly PersonStats[]): string {
  const name = people.find((person) => person.identity === identity)?.name.trim()
  return name && name.toLowerCase() !== identity ? `${name} (${identity})` : identity
}

/** What an evidence ref points at: a commit, a web address (pull request, comment) or a `path[:line]`. */
export type RefKind = 'commit' | 'web' | 'path'

/** True for an `http:` or `https:` address with nothing in it that could leave an attribute or a link. */
export function isWebAddress(text: string): boolean {
  return webAddress.test(text)
}

/** Classifies an evidence ref; only `http:` and `https:` addresses count as web addresses. */
export function refKind(ref: string): RefKind {
  if (fullSha.test(ref) || abbreviatedSha.test(ref)) return 'commit'
  return isWebAddress(ref) ? 'web' : 'path'
}

/** The GitHub address of a full commit sha, or null when there is none to link to. */
export function commitAddress(sha: string, github: string | null): string | null {
  return github !== null && fullSha.test(sha) ? `https://github.com/${github}/commit/${sha.toLowerCase()}` : null
}

function rank<Value>(list: readonly Value[], value: Value): number {
  const index = list.indexOf(value)
  return index === -1 ? list.length : index
}

/** Findings severest first, then by category order; equal ones keep the synthesizer's order. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      rank(severities, a.severity) - rank(severities, b.severity) ||
      rank(findingCategories, a.category) - rank(findingCategories, b.category),
  )
}

/** The header's stage lists: stages that failed or fell back, and stages that finished incomplete. */
export function splitStages(input: ReportInput): {
  readonly degraded: readonly DegradedStage[]
  readonly partial: readonly DegradedStage[]
} {
  const stages = input.degradedStages ?? []
  return {
    degraded: stages.filter((stage) => stage.kind !== 'partial'),
    partial: stages.filter((stage) => stage.kind === 'partial'),
  }
}
