import type { CommitSummary } from '@gitlore/core'
import type { Kysely } from 'kysely'
import type { CacheDatabase } from '../cache-schema.js'
import type { Writer } from '../writer.js'

/** Results kept per namespace; older ones are dropped as new ones arrive (they are cheap to remake). */
const keptPerNamespace = 8

/**
 * Namespaces whose rows are never dropped: each row is a paid answer (a model's theme label), one per
 * theme, so a quota would make every re-run pay again.
 */
const keptForever: ReadonlySet<string> = new Set(['theme-label'])

/** The namespace listings live in. */
const listingNamespace = 'listing'

/** The JSON value stored under `key` in `namespace`, or null. */
export async function getResult(db: Kysely<CacheDatabase>, namespace: string, key: string): Promise<unknown> {
  const row = await db
    .selectFrom('results')
    .select('data')
    .where('namespace', '=', namespace)
    .where('key', '=', key)
    .executeTakeFirst()
  return row === undefined ? null : JSON.parse(row.data)
}

/** Stores a JSON value, replacing one under the same key, and drops the oldest beyond the namespace's quota. */
export async function putResult(writer: Writer, namespace: string, key: string, value: unknown): Promise<void> {
  await writer.transaction(async (transaction) => {
    const last = await transaction
      .selectFrom('results')
      .select((select) => select.fn.max('sequence').as('sequence'))
      .executeTakeFirst()
    const sequence = Number(last?.sequence ?? 0) + 1
    await transaction
      .insertInto('results')
      .values({ namespace, key, data: JSON.stringify(value), created_at: new Date().toISOString(), sequence })
      .onConflict((conflict) =>
        conflict.columns(['namespace', 'key']).doUpdateSet((update) => ({
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
      .where('namespace', '=', namespace)
      .orderBy('sequence', 'desc')
      .offset(keptPerNamespace)
      .limit(1_000_000)
      .execute()
    if (stale.length > 0) {
      await transaction
        .deleteFrom('results')
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
export async function getListing(db: Kysely<CacheDatabase>, key: string): Promise<readonly CommitSummary[] | null> {
  const encoded = (await getResult(db, listingNamespace, key)) as EncodedSummary[] | null
  if (!Array.isArray(encoded)) return null
  return encoded.map(([sha, parents, authorTime, committerTime]) => ({
    sha,
    parents: parents === '' ? [] : parents.split(' '),
    authorTime,
    committerTime,
  }))
}

export async function putListing(writer: Writer, key: string, commits: readonly CommitSummary[]): Promise<void> {
  const encoded: EncodedSummary[] = commits.map((commit) => [
    commit.sha,
    commit.parents.join(' '),
    commit.authorTime,
    commit.committerTime,
  ])
  await putResult(writer, listingNamespace, key, encoded)
}

/** A model's label of a review theme stored under `key`, or null. */
export async function getThemeLabel(db: Kysely<CacheDatabase>, key: string): Promise<string | null> {
  const value = await getResult(db, 'theme-label', key)
  return typeof value === 'string' ? value : null
}

/** Stores a theme label; theme labels are never evicted. */
export async function putThemeLabel(writer: Writer, key: string, label: string): Promise<void> {
  await putResult(writer, 'theme-label', key, label)
}
