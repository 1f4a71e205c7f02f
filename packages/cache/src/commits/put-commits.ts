import type { RawCommit } from '@gitlore/core'
import type { CacheContext } from '../cache-context.js'
import { chunks } from '../chunks.js'
import { uniqueBy } from '../unique-by.js'
import { encodeCommit } from './commit-json.js'

/** Rows per insert: three bound values each, under the 999 that older SQLite builds allow per statement. */
const commitsPerInsert = 300

/** Stores commits in one transaction; a sha already stored keeps its row (a commit never changes). */
export async function putCommits({ writer, repository }: CacheContext, commits: readonly RawCommit[]): Promise<void> {
  if (commits.length === 0) {
    return
  }
  const rows = uniqueBy(commits, (commit) => commit.sha).map((commit) => ({
    repository,
    sha: commit.sha,
    data: encodeCommit(commit),
  }))
  await writer.transaction(async (transaction) => {
    for (const batch of chunks(rows, commitsPerInsert)) {
      await transaction
        .insertInto('commits')
        .values(batch)
        .onConflict((conflict) => conflict.columns(['repository', 'sha']).doNothing())
        .execute()
    }
  })
}
