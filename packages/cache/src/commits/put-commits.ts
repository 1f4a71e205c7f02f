import type { RawCommit } from '@gitlore/core'
import { chunks } from '../chunks.js'
import type { Writer } from '../writer.js'
import { encodeCommit } from './commit-json.js'

/** Rows per insert: two bound values each, under the 999 that older SQLite builds allow per statement. */
const commitsPerInsert = 450

/** Stores commits in one transaction; a sha already stored keeps its row (a commit never changes). */
export async function putCommits(writer: Writer, commits: readonly RawCommit[]): Promise<void> {
  if (commits.length === 0) {
    return
  }
  await writer.transaction(async (transaction) => {
    for (const batch of chunks(commits, commitsPerInsert)) {
      await transaction
        .insertInto('commits')
        .values(batch.map((commit) => ({ sha: commit.sha, data: encodeCommit(commit) })))
        .onConflict((conflict) => conflict.column('sha').doNothing())
        .execute()
    }
  })
}
