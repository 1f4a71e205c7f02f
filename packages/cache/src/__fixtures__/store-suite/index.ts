import { afterEach, describe } from 'vitest'
import { ciCases } from './ci-cases.js'
import { commitCases } from './commit-cases.js'
import { concurrencyCases } from './concurrency-cases.js'
import { knowledgeCases } from './knowledge-cases.js'
import { resultCases } from './result-cases.js'
import { reviewCases } from './review-cases.js'
import { schemaCases } from './schema-cases.js'
import { scopeCases } from './scope-cases.js'
import { createTracker, type StoreTarget, type TestDatabase } from './store-target.js'

export type { StoreTarget, TestDatabase } from './store-target.js'

/** What each group of cases gets: fresh databases whose caches and connections are closed after the test. */
export interface SuiteContext {
  readonly name: string
  database(): Promise<TestDatabase>
}

/**
 * The cache's behaviour, the same on every dialect (the way unstorage runs one suite over every driver):
 * what a user of the store notices, from commits to concurrent writers. Each dialect's test file calls it
 * with a target that makes empty databases.
 */
export function describeStoreSuite(target: StoreTarget): void {
  const tracker = createTracker()
  afterEach(() => tracker.closeAll())
  const context: SuiteContext = {
    name: target.name,
    async database() {
      const database = await target.newDatabase()
      return {
        open: async (options) => tracker.cache(await database.open(options)),
        connect: () => tracker.connection(database.connect()),
      }
    },
  }
  describe(`the cache on ${target.name}`, () => {
    describe('commits', () => commitCases(context))
    describe('listings, results and runs', () => resultCases(context))
    describe('review data, classifications and embeddings', () => reviewCases(context))
    describe('GitHub Actions runs and jobs', () => ciCases(context))
    describe('repositories sharing one database', () => scopeCases(context))
    describe('knowledge index', () => knowledgeCases(context))
    describe('schema', () => schemaCases(context))
    describe('concurrent writers', () => concurrencyCases(context))
  })
}
