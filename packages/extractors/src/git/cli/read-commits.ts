import { GitCommandError, type RawCommit } from '@gitlore/core'
import { commitsFromBlobs } from './commits-from-blobs.js'
import { type LogRecord, recordToCommit } from './log-parser.js'
import { type MissingObjectStop, readLog } from './read-log.js'

/** Options of the readers below. */
export interface ReadCommitsOptions {
  readonly cwd: string
  /** Commits to read, in the order they are yielded. */
  readonly shas: readonly string[]
  /** Blobs known to be missing (a partial clone's); null outside a partial clone. */
  readonly missing: ReadonlySet<string> | null
  readonly signal?: AbortSignal | undefined
}

/** Commits handed to `commitsFromBlobs` at a time, so their blobs are not all held at once. */
const blobBatch = 200

/**
 * Runs `read` over `shas` and, each time git stops at a missing object, settles the first commit
 * not yet yielded with `stuck` and goes on with the rest: every stop moves on by one commit.
 */
async function* resuming<T>(
  shas: readonly string[],
  read: (shas: readonly string[]) => AsyncGenerator<T, MissingObjectStop | null>,
  stuck: (sha: string) => Promise<T>,
): AsyncGenerator<T> {
  let start = 0
  while (start < shas.length) {
    const run = read(start === 0 ? shas : shas.slice(start))
    let next = await run.next()
    while (next.done !== true) {
      yield next.value
      start++
      next = await run.next()
    }
    if (next.value === null) return
    yield await stuck(shas[start] as string)
    start++
  }
}

/**
 * The commits with `git log --numstat`, streamed in the given order. A commit git cannot diff
 * because a blob is missing is read again from its blobs (`commitsFromBlobs`), so the files it
 * can count are exact and the others are marked `linesUnknown`.
 */
export function readWithNumstat(options: ReadCommitsOptions): AsyncGenerator<RawCommit> {
  const { cwd, signal } = options
  return resuming(
    options.shas,
    async function* (shas) {
      const run = readLog({ cwd, shas, diff: 'numstat', signal })
      let next = await run.next()
      while (next.done !== true) {
        yield recordToCommit(next.value)
        next = await run.next()
      }
      return next.value
    },
    async (sha) => {
      for await (const commit of readFromBlobs({ ...options, shas: [sha] })) return commit
      throw nothingRead(sha)
    },
  )
}

/**
 * The commits' `--raw` records; a commit whose trees are missing (git cannot even list its files)
 * comes back with its header only and `filesUnknown`.
 */
export function readRawRecords(options: Omit<ReadCommitsOptions, 'missing'>): AsyncGenerator<RawRecord> {
  const { cwd, signal } = options
  return resuming(
    options.shas,
    (shas) => readLog({ cwd, shas, diff: 'raw', signal }),
    async (sha) => {
      for await (const record of readLog({ cwd, shas: [sha], diff: 'raw', signal })) return record
      for await (const record of readLog({ cwd, shas: [sha], diff: 'none', signal })) {
        return { ...record, filesUnknown: true as const }
      }
      throw nothingRead(sha)
    },
  )
}

/** A `--raw` record, or a commit's header alone when git could not list its files. */
export type RawRecord = LogRecord & { readonly filesUnknown?: true }

/** The commits of `--raw` records with their line counts computed from their blobs (see `commitsFromBlobs`). */
export async function* countFromBlobs(
  records: AsyncIterable<RawRecord> | Iterable<RawRecord>,
  options: Omit<ReadCommitsOptions, 'shas'>,
): AsyncGenerator<RawCommit> {
  let batch: RawRecord[] = []
  const flush = async function* () {
    const counted = await commitsFromBlobs({ ...options, records: batch })
    for (const [index, commit] of counted.entries()) {
      yield batch[index]?.filesUnknown === true ? { ...commit, filesUnknown: true as const } : commit
    }
    batch = []
  }
  for await (const record of records) {
    batch.push(record)
    if (batch.length >= blobBatch) yield* flush()
  }
  if (batch.length > 0) yield* flush()
}

/** The commits with their line counts computed from their blobs. */
export function readFromBlobs(options: ReadCommitsOptions): AsyncGenerator<RawCommit> {
  return countFromBlobs(readRawRecords(options), options)
}

function nothingRead(sha: string): GitCommandError {
  return new GitCommandError(`git log returned nothing for commit ${sha}; please report this with your git version`)
}
