import type { CommitSummary } from '@gitlore/core'
import type { CacheContext } from '../cache-context.js'

/** Results kept per repository and namespace; older ones are dropped as new ones arrive (they are cheap to remake). */
const keptPerNamespace = 8

/**
 * Namespaces whose rows are never dropped: each row is a paid answer (a model's theme label), one per
 * theme, so a quota would make every re-run pay again.
 */
const keptForever: ReadonlySet<string> = new Set(['theme-label', 'brief-synthesis'])

/** The namespace listings live in. */
const listingNamespace = 'listing'

/** The repository's JSON value stored under `key` in `namespace`, or null. */
export async function getResult({ db, repository }: CacheContext, namespace: string, key: string): Promise<unknown> {
  const row = await db
    .selectFrom('results')
    .select('data')
    .where('repository', '=', repository)
    .where('namespace', '=', namespace)
    .where('key', '=', key)
    .executeTakeFirst()
  return row === undefined ? null : JSON.parse(row.data)
}

/**
 * Stores a JSON value, replacing one under the same key, and drops the repository's oldest results of the
 * namespace beyond its quota (other repositories' results are theirs to keep).
 */
export async function putResult(
  { writer, repository }: CacheContext,
  namespace: string,
  key: string,
  value: unknown,
): Promise<void> {
  await writer.transaction(async (transaction) => {
    const last = await transaction
      .selectFrom('results')
      .select((select) => select.fn.max('sequence').as('sequence'))
      .where('repository', '=', repository)
      .executeTakeFirst()
    const sequence = Number(last?.sequence ?? 0) + 1
    await transaction
      .insertInto('results')
      .values({
        repository,
        namespace,
        key,
        data: JSON.stringify(value),
        created_at: new Date().toISOString(),
        sequence,
      })
      .onConflict((conflict) =>
        conflict.columns(['repository', 'namespace', 'key']).doUpdateSet((update) => ({
          data: update.ref('excluded.data'),
          created_at: update.ref('excluded.created_at'),
          sequence: update.ref('excluded.sequence'),
        })),
      )
      .execute()
    if (keptForever.has(namespace)) return
    const stale = await transaction
      .selectFrom('results')
      .select('key')
      .where('repository', '=', repository)
      .where('namespace', '=', namespace)
      .orderBy('sequence', 'desc')
      .orderBy('key', 'desc')
      .offset(keptPerNamespace)
      .limit(1_000_000)
      .execute()
    if (stale.length > 0) {
      await transaction
        .deleteFrom('results')
        .where('repository', '=', repository)
        .where('namespace', '=', namespace)
        .where(
          'key',
          'in',
          stale.map((row) => row.key),
        )
        .execute()
    }
  })
}

type EncodedSummary = [sha: string, parents: string, authorTime: number, committerTime: number]

/** A stored listing, or null. Listings are stored compactly: they hold every commit of a history. */
export async function getListing(context: CacheContext, key: string): Promise<readonly CommitSummary[] | null> {
  const encoded = (await getResult(context, listingNamespace, key)) as EncodedSummary[] | null
  if (!Array.isArray(encoded)) return null
  return encoded.map(([sha, parents, authorTime, committerTime]) => ({
    sha,
    parents: parents === '' ? [] : parents.split(' '),
    authorTime,
    committerTime,
  }))
}

export async function putListing(context: CacheContext, key: string, commits: readonly CommitSummary[]): Promise<void> {
  const encoded: EncodedSummary[] = commits.map((commit) => [
    commit.sha,
    commit.parents.join(' '),
    commit.authorTime,
    commit.committerTime,
  ])
  await putResult(context, listingNamespace, key, encoded)
}

/** A model's label of a review theme stored under `key`, or null. */
export async function getThemeLabel(context: CacheContext, key: string): Promise<string | null> {
  const value = await getResult(context, 'theme-label', key)
  return typeof value === 'string' ? value : null
}

/** Stores a theme label; theme labels are never evicted. */
export async function putThemeLabel(context: CacheContext, key: string, label: string): Promise<void> {
  await putResult(context, 'theme-label', key, label)
}
