import type { RepositoryContext } from '@gitlore/core'

type Overrides = { -readonly [Key in keyof RepositoryContext]?: RepositoryContext[Key] }

/** A valid, empty repository context with the given fields replaced. */
export function repositoryContext(overrides: Overrides = {}): RepositoryContext {
  return {
    schemaVersion: 1,
    repo: { path: '/work/widgets', head: 'a'.repeat(40), branch: 'main', remote: 'acme/widgets' },
    window: { since: '2024-01-01T00:00:00.000Z', until: '2024-03-31T23:59:59.000Z' },
    warnings: [],
    commits: { total: 0, merges: 0, authors: 0 },
    hotspots: [],
    coupling: [],
    hubs: [],
    reverts: [],
    fixAfter: [],
    conventions: {
      conventionalShare: 0,
      prefixes: {},
      prNumberSuffixShare: 0,
      medianSubjectLength: 0,
      coAuthoredShare: 0,
    },
    ownership: [],
    people: [],
    ...overrides,
  }
}

/** A 40-hex commit sha made of one repeated character, easy to tell apart in assertions. */
export function sha(character: string): string {
  return character.repeat(40)
}
