import { sql } from 'kysely'
import type { CacheContext } from './cache-context.js'
import { unclaimedRowsKey } from './migrations/0008-repository-scope.js'

/**
 * Gives rows stored before caches were scoped by repository (a file that served one repository) to the
 * first repository that opens the cache after the upgrade, once. A cache opened without a repository
 * leaves them where they are.
 */
export async function claimUnclaimedRows({ db, writer, repository }: CacheContext): Promise<void> {
  if (repository === '') return
  const marked = await db.selectFrom('meta').select('value').where('key', '=', unclaimedRowsKey).executeTakeFirst()
  if (marked === undefined) return
  await writer.transaction(async (transaction) => {
    const deleted = await transaction.deleteFrom('meta').where('key', '=', unclaimedRowsKey).executeTakeFirst()
    if (Number(deleted.numDeletedRows) === 0) return
    await sql`
      insert into commits (repository, sha, data) select ${repository}, sha, data from commits where repository = ''
      on conflict (repository, sha) do nothing
    `.execute(transaction)
    await sql`
      insert into results (repository, namespace, key, data, created_at, sequence)
      select ${repository}, namespace, key, data, created_at, sequence from results where repository = ''
      on conflict (repository, namespace, key) do nothing
    `.execute(transaction)
    for (const table of ['commits', 'results'] as const) {
      await transaction.deleteFrom(table).where('repository', '=', '').execute()
    }
    for (const table of ['runs', 'classifications', 'embeddings'] as const) {
      await transaction.updateTable(table).set({ repository }).where('repository', '=', '').execute()
    }
  })
}
