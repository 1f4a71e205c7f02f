import type { CommentCategory, ReviewCluster } from '@gitlore/core'
import type { OrganisationRepository, RecurringTheme } from './organisation-roll-up.js'

/** Top terms compared per theme. */
const termsCompared = 6

interface Member {
  readonly repository: string
  readonly theme: ReviewCluster
  readonly terms: ReadonlySet<string>
  readonly label: string
}

const normalizedLabel = (label: string) =>
  label
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

function termsOf(theme: ReviewCluster): Set<string> {
  return new Set(
    theme.topTerms
      .slice(0, termsCompared)
      .map((term) => term.toLowerCase().trim())
      .filter((term) => term.length >= 3),
  )
}

/** Two themes say the same thing when their labels match, or when they share most of their top terms. */
function alike(a: Member, b: Member): boolean {
  if (a.label !== '' && a.label === b.label) return true
  let shared = 0
  for (const term of a.terms) if (b.terms.has(term)) shared++
  return shared >= 2 && shared / Math.min(a.terms.size, b.terms.size) >= 0.5
}

function dominantCategory(themes: readonly ReviewCluster[]): CommentCategory | null {
  const totals = new Map<CommentCategory, number>()
  for (const theme of themes) {
    for (const [category, count] of Object.entries(theme.categories) as [CommentCategory, number][]) {
      totals.set(category, (totals.get(category) ?? 0) + count)
    }
  }
  let best: CommentCategory | null = null
  for (const [category, count] of totals) {
    if (best === null || count > (totals.get(best) ?? 0) || (count === totals.get(best) && category < best))
      best = category
  }
  return best
}

/**
 * Review themes that recur across repositories: each repository's themes are linked to alike themes
 * of the others (same label, or most top terms shared), and a group of linked themes spanning two or
 * more repositories is one recurring theme. Deterministic; most repositories first, then most comments.
 */
export function recurringThemes(repositories: readonly OrganisationRepository[]): RecurringTheme[] {
  const members: Member[] = repositories.flatMap((repository) =>
    (repository.report?.clusters ?? []).map((theme) => ({
      repository: repository.name,
      theme,
      terms: termsOf(theme),
      label: normalizedLabel(theme.label),
    })),
  )
  const parent = members.map((_, index) => index)
  const find = (index: number): number => {
    while (parent[index] !== index) index = parent[index] = parent[parent[index] as number] as number
    return index
  }
  for (let a = 0; a < members.length; a++) {
    for (let b = a + 1; b < members.length; b++) {
      const first = members[a] as Member
      const second = members[b] as Member
      if (first.repository !== second.repository && alike(first, second)) parent[find(a)] = find(b)
    }
  }
  const groups = new Map<number, Member[]>()
  members.forEach((member, index) => {
    const root = find(index)
    groups.set(root, [...(groups.get(root) ?? []), member])
  })
  const recurring: RecurringTheme[] = []
  for (const group of groups.values()) {
    const byRepository = new Map<string, Member[]>()
    for (const member of group)
      byRepository.set(member.repository, [...(byRepository.get(member.repository) ?? []), member])
    if (byRepository.size < 2) continue
    const perRepository = [...byRepository.entries()]
      .map(([repository, themes]) => {
        const largest = [...themes].sort(
          (a, b) => b.theme.size - a.theme.size || a.theme.id.localeCompare(b.theme.id),
        )[0] as Member
        return {
          repository,
          label: largest.theme.label,
          comments: themes.reduce((sum, member) => sum + member.theme.size, 0),
          pullRequests: new Set(themes.flatMap((member) => member.theme.prNumbers)).size,
        }
      })
      .sort((a, b) => b.comments - a.comments || a.repository.localeCompare(b.repository))
    const termCounts = new Map<string, number>()
    for (const member of group) for (const term of member.terms) termCounts.set(term, (termCounts.get(term) ?? 0) + 1)
    const largest = [...group].sort(
      (a, b) => b.theme.size - a.theme.size || a.repository.localeCompare(b.repository),
    )[0] as Member
    recurring.push({
      label: largest.theme.label,
      terms: [...termCounts.entries()]
        .filter(([, count]) => count >= 2)
        .sort(([termA, a], [termB, b]) => b - a || termA.localeCompare(termB))
        .map(([term]) => term),
      category: dominantCategory(group.map((member) => member.theme)),
      comments: perRepository.reduce((sum, entry) => sum + entry.comments, 0),
      repositories: perRepository,
    })
  }
  return recurring.sort(
    (a, b) =>
      b.repositories.length - a.repositories.length || b.comments - a.comments || a.label.localeCompare(b.label),
  )
}
