/**
 * The last item for each key, sorted by key. One upsert statement may not touch a row twice on
 * PostgreSQL, and writers that lock rows in the same order cannot deadlock each other.
 */
export function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const byKey = new Map<string, T>()
  for (const item of items) byKey.set(key(item), item)
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, item]) => item)
}
