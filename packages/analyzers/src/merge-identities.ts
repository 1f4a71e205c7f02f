import type { IdentityAlias, IdentityMerge } from '@gitlore/core'
import { compareText } from './compare-text.js'
import { noreplyLogin } from './github-login-identities.js'

/** What merging needs to know of one identity (a lower-cased email after `.mailmap`). */
export interface IdentityFacts {
  readonly identity: string
  /** Every author name the identity committed under. */
  readonly names: ReadonlySet<string>
  readonly commits: number
  /** Name on the identity's latest commit. */
  readonly latestName: string
  /** Bots are never merged with anyone. */
  readonly bot: boolean
}

/** The merges found: each identity's canonical identity, and the merges to report. */
export interface IdentityMerges {
  /** Identity -> the identity its person is counted under (only merged identities appear). */
  readonly canonical: ReadonlyMap<string, string>
  readonly merges: readonly IdentityMerge[]
}

/** Names that many unrelated people (or machines) commit under. */
const placeholderNames = new Set([
  'root',
  'admin',
  'administrator',
  'user',
  'unknown',
  'ubuntu',
  'your name',
  'you',
  'me',
  'github',
  'git',
  'dev',
  'developer',
  'test',
  'none',
  'nobody',
  'anonymous',
  'localhost',
  'runner',
])

/** A name as merging compares it: Unicode-normalised, case-folded, inner whitespace collapsed; null when it names nobody in particular. */
export function nameKey(name: string): string | null {
  const key = name.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ')
  if (key.length < 2 || !/\p{L}/u.test(key) || placeholderNames.has(key)) return null
  return key
}

class UnionFind {
  readonly #parent = new Map<string, string>()
  find(item: string): string {
    let root = item
    while (this.#parent.has(root) && this.#parent.get(root) !== root) root = this.#parent.get(root) as string
    this.#parent.set(item, root)
    return root
  }
  union(a: string, b: string): void {
    const [x, y] = [this.find(a), this.find(b)]
    // The smaller identity becomes the root, so the grouping does not depend on the order of links.
    if (x < y) this.#parent.set(y, x)
    else if (y < x) this.#parent.set(x, y)
  }
}

/**
 * Merges the identities of one person, in this order of rules: identities that committed under the
 * same name (`nameKey`); GitHub noreply addresses of the same login, and a noreply address with an
 * identity whose name is that login; identities that `identityLogins` links to the same GitHub
 * login (from review data: whose pull requests their squash-merged commits belong to). Bots are
 * never merged. A person is counted under the identity with most commits (ties: identity asc);
 * each other identity is reported with the first rule that linked it.
 */
export function mergeIdentities(
  identities: readonly IdentityFacts[],
  identityLogins: ReadonlyMap<string, string> = new Map(),
): IdentityMerges {
  const people = identities.filter((facts) => !facts.bot)
  const sets = new UnionFind()
  const reasons = new Map<string, IdentityAlias['reason']>()
  const link = (members: readonly string[], reason: IdentityAlias['reason']) => {
    if (members.length < 2) return
    for (const member of members) if (!reasons.has(member)) reasons.set(member, reason)
    for (const member of members.slice(1)) sets.union(members[0] as string, member)
  }
  const groupBy = (key: (facts: IdentityFacts) => readonly string[]) => {
    const groups = new Map<string, string[]>()
    for (const facts of people) {
      for (const value of new Set(key(facts))) groups.set(value, [...(groups.get(value) ?? []), facts.identity])
    }
    return [...groups.values()]
  }
  const names = (facts: IdentityFacts) => [...facts.names].map(nameKey).filter((key): key is string => key !== null)
  for (const members of groupBy(names)) link(members, 'same-name')
  const login = (facts: IdentityFacts) => noreplyLogin(facts.identity)?.toLowerCase()
  for (const members of groupBy((facts) => {
    const own = login(facts)
    // A noreply identity joins the identities named after its login ("octocat <octocat@...>").
    return own === undefined ? names(facts).map((name) => `name:${name}`) : [`name:${own}`, `login:${own}`]
  })) {
    if (members.some((identity) => noreplyLogin(identity) !== null)) link(members, 'github-noreply')
  }
  for (const members of groupBy((facts) => {
    const linked = identityLogins.get(facts.identity)?.toLowerCase()
    const own = login(facts)
    return [...(linked === undefined ? [] : [linked]), ...(own === undefined ? [] : [own])]
  })) {
    link(members, 'github-login')
  }

  const groups = new Map<string, IdentityFacts[]>()
  for (const facts of people) {
    const root = sets.find(facts.identity)
    groups.set(root, [...(groups.get(root) ?? []), facts])
  }
  const canonical = new Map<string, string>()
  const merges: IdentityMerge[] = []
  for (const members of groups.values()) {
    if (members.length < 2) continue
    const ranked = [...members].sort((x, y) => y.commits - x.commits || compareText(x.identity, y.identity))
    const main = ranked[0] as IdentityFacts
    for (const member of ranked) canonical.set(member.identity, main.identity)
    merges.push({
      identity: main.identity,
      name: main.latestName,
      aliases: ranked
        .slice(1)
        .map((member) => ({ identity: member.identity, reason: reasons.get(member.identity) ?? 'same-name' })),
    })
  }
  merges.sort((x, y) => compareText(x.identity, y.identity))
  return { canonical, merges }
}
