/** Rows of the `meta` table: `application` = `gitlore`, `schema_version` = migrations applied. */
export interface MetaTable {
  key: string
  value: string
}

/** A commit never changes, so it is stored once per repository by sha, as the JSON of its `RawCommit`. */
export interface CommitsTable {
  /** The repository the cache was opened for (`createCache`'s `repository`). */
  repository: string
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
  /** The repository whose run stored it; answers are shared by every repository, this is who paid for it. */
  repository: string
}

/** Derived results under content keys (history listings by HEAD, statistics by input hash). */
export interface ResultsTable {
  repository: string
  namespace: string
  key: string
  /** JSON */
  data: string
  /** ISO 8601 time of the last write. */
  created_at: string
  /** Order of a repository's writes; its oldest results of a namespace are dropped first. */
  sequence: number
}

/** One row per run; `data` is the whole `RunRecord` as JSON, the other columns are for listing. */
export interface RunsTable {
  id: string
  repository: string
  started_at: string
  finished_at: string
  head: string | null
  findings: number
  /** JSON array of the stages that did not finish `ok`. */
  degraded: string
  /** `finished`, `degraded`, `interrupted` or `failed`. */
  status: string
  data: string
}

/** A comment embedding: keyed by model, vector length and text hash; `vector` holds Float32 bytes. */
export interface EmbeddingsTable {
  model: string
  dimensions: number
  text_hash: string
  vector: Uint8Array
  created_at: string
  /** The repository whose run stored it (vectors are shared by every repository). */
  repository: string
}

/** Per GitHub repository (API host, owner and name, lower-cased): how far its pull requests are synced. */
export interface ReviewReposTable {
  repository: string
  /** Every pull request updated since this (ISO 8601) is stored; null before a sync completed. */
  synced_since: string | null
  /** Newest `updatedAt` a complete sync saw. */
  newest_updated_at: string | null
  /** JSON: an interrupted sync to resume, pull requests to fetch again; null when none. */
  pending: string | null
  /** When the last complete sync finished, and what it did: requests, points, pull requests and comments fetched, comments filtered. */
  last_synced_at: string | null
  last_requests: number | null
  last_points: number | null
  last_pull_requests: number | null
  last_comments: number | null
  last_filtered_bots: number | null
  last_filtered_trivial: number | null
}

/** A pull request as fetched (JSON owned by @gitlore/extractors), keyed by repository and number. */
export interface PullRequestsTable {
  repository: string
  number: number
  /** ISO 8601, normalised: text order is time order. */
  updated_at: string
  data: string
}

/** A review thread or conversation comment as fetched (bots and trivia included: filtering happens on read). */
export interface ReviewCommentsTable {
  repository: string
  /** GitHub node id (of a thread's first comment). */
  id: string
  pr_number: number
  /** Order within its pull request. */
  position: number
  kind: string
  created_at: string
  data: string
}

/** Per GitHub repository (API host, owner and name, lower-cased): how far its workflow runs are synced. */
export interface CiReposTable {
  repository: string
  /** Every run created since this (ISO 8601) is stored; null before a sync completed. */
  synced_since: string | null
  newest_created_at: string | null
  /** JSON: an interrupted sync to resume, runs to fetch again; null when none. */
  pending: string | null
  /** JSON: what the last complete sync did. */
  last_sync: string | null
}

/** A workflow run with its attempts (JSON owned by @gitlore/extractors), keyed by repository and run id. */
export interface CiRunsTable {
  repository: string
  /** bigint in the database; PostgreSQL drivers may hand it back as a string. */
  id: number | string
  /** ISO 8601, normalised. */
  created_at: string
  /** Changes whenever GitHub's copy changes; compared to skip unchanged runs. */
  version: string
  data: string
}

/** A job of one attempt of a run (JSON with steps, annotations and the compressed failing-log tail). */
export interface CiJobsTable {
  repository: string
  id: number | string
  run_id: number | string
  attempt: number
  data: string
}

/** A row of a repository's knowledge index: its meta, a file or directory, a theme or a finding, as JSON. */
export interface KnowledgeTable {
  repository: string
  /** `meta`, `path`, `theme` or `finding`. */
  kind: string
  key: string
  /** sha256 of `data`: a refresh rewrites a row only when it changed. */
  hash: string
  data: string
}

/** A review comment of a repository's knowledge index, with the columns searches filter on. */
export interface KnowledgeCommentsTable {
  repository: string
  /** GitHub node id. */
  id: string
  /** The file it was written on, or `''`. */
  path: string
  author: string
  created_at: string
  /** `,bug,style,` */
  categories: string
  /** Its quote, lower-cased, matched against search words. */
  text: string
  hash: string
  data: string
}

/** The cache's tables as kysely sees them. */
export interface CacheDatabase {
  meta: MetaTable
  commits: CommitsTable
  classifications: ClassificationsTable
  review_repos: ReviewReposTable
  pull_requests: PullRequestsTable
  review_comments: ReviewCommentsTable
  results: ResultsTable
  runs: RunsTable
  embeddings: EmbeddingsTable
  ci_repos: CiReposTable
  ci_runs: CiRunsTable
  ci_jobs: CiJobsTable
  knowledge: KnowledgeTable
  knowledge_comments: KnowledgeCommentsTable
}

/**
 * Tables holding cached data: what `stats` counts and `clear` empties, in this order (tables that
 * reference others first). A migration that adds a table adds it here too.
 */
export const dataTables = [
  'commits',
  'classifications',
  'review_comments',
  'pull_requests',
  'review_repos',
  'results',
  'runs',
  'embeddings',
  'ci_jobs',
  'ci_runs',
  'ci_repos',
  'knowledge',
  'knowledge_comments',
] as const satisfies readonly (keyof CacheDatabase)[]

/** The value of the `application` meta row that marks a database as gitlore's cache. */
export const applicationName = 'gitlore'
