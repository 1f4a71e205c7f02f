/** Rows of the `meta` table: `application` = `gitlore`, `schema_version` = migrations applied. */
export interface MetaTable {
  key: string
  value: string
}

/** A commit never changes, so it is stored once by sha, as the JSON of its `RawCommit`. */
export interface CommitsTable {
  sha: string
  data: string
}

/**
 * A classifier's answer for one comment text: keyed by the model, the hash of its prompt and the hash of
 * the comment as the prompt renders it, so a changed prompt or model never reuses an answer. Only valid
 * answers are stored; failures are not.
 */
export interface ClassificationsTable {
  model: string
  prompt_hash: string
  body_hash: string
  /** JSON array of category names. */
  categories: string
  /** 0..1 */
  confidence: number
  /** ISO 8601 time the answer was stored. */
  created_at: string
}

/** Derived results under content keys (history listings by HEAD, statistics by input hash). */
export interface ResultsTable {
  namespace: string
  key: string
  /** JSON */
  data: string
  /** ISO 8601 time of the last write. */
  created_at: string
  /** Order of writes across the table; the oldest results of a namespace are dropped first. */
  sequence: number
}

/** One row per run; `data` is the whole `RunRecord` as JSON, the other columns are for listing. */
export interface RunsTable {
  id: string
  started_at: string
  finished_at: string
  head: string | null
  findings: number
  /** JSON array of the stages that did not finish `ok`. */
  degraded: string
  data: string
}

/** A comment embedding: keyed by model, vector length and text hash; `vector` holds Float32 bytes. */
export interface EmbeddingsTable {
  model: string
  dimensions: number
  text_hash: string
  vector: Uint8Array
  created_at: string
}

/** The cache's tables as kysely sees them. */
export interface CacheDatabase {
  meta: MetaTable
  commits: CommitsTable
  classifications: ClassificationsTable
  results: ResultsTable
  runs: RunsTable
  embeddings: EmbeddingsTable
}

/**
 * Tables holding cached data: what `stats` counts and `clear` empties, in this order (tables that
 * reference others first). A migration that adds a table adds it here too.
 */
export const dataTables = [
  'commits',
  'classifications',
  'results',
  'runs',
  'embeddings',
] as const satisfies readonly (keyof CacheDatabase)[]

/** The value of the `application` meta row that marks a database as gitlore's cache. */
export const applicationName = 'gitlore'
