import { availableParallelism } from 'node:os'
import type { RawCommit } from '@gitlore/core'
import { mergeInOrder } from '../merge-in-order.js'
import { isPartialClone, listMissingObjects } from './missing-objects.js'
import { countFromBlobs, type RawRecord, readRawRecords, readWithNumstat } from './read-commits.js'

/** Options of `readInParallel`. */
export interface ReadInParallelOptions {
  readonly cwd: string
  /** Commits to read, in the order they are yielded. */
  readonly shas: readonly string[]
  /** git processes to run at once; default: one per core, each with at least `minimumShare` commits. */
  readonly parallelism?: number | undefined
  readonly signal?: AbortSignal | undefined
}

/** Below this many commits per process, another process costs more than it saves. */
const minimumShare = 100
/** Commits handed to one process in a row: long enough to keep git's delta cache warm. */
const largestBlock = 64

/**
 * Reads commits with several `git log --numstat` processes at once and yields them in the given
 * order, each as soon as it and the ones before it are read. Commits go to the processes in
 * alternating blocks, so each process gets a share of the old and the new history and they finish
 * together. In a partial clone, commits whose diffs need a missing blob are counted from their
 * blobs instead (see `commitsFromBlobs`); git is never asked to fetch anything.
 */
export async function* readInParallel(options: ReadInParallelOptions): AsyncGenerator<RawCommit> {
  const { cwd, shas, signal } = options
  if (shas.length === 0) return
  const { missing, fromBlobs } = await planPartialClone(cwd, shas, signal)
  const numstatShas = fromBlobs.size === 0 ? shas : shas.filter((sha) => !fromBlobs.has(sha))
  const workers = Math.max(
    1,
    Math.min(
      options.parallelism ?? defaultParallelism(),
      options.parallelism ?? Math.ceil(numstatShas.length / minimumShare),
    ),
  )
  const block = Math.max(1, Math.min(largestBlock, Math.floor(numstatShas.length / (workers * 4))))
  const owners = new Uint8Array(shas.length)
  const lists: string[][] = Array.from({ length: workers + 1 }, () => [])
  let position = 0
  for (const [index, sha] of shas.entries()) {
    const owner = fromBlobs.has(sha) ? workers : Math.floor(position++ / block) % workers
    owners[index] = owner
    ;(lists[owner] as string[]).push(sha)
  }
  const sources = lists.map((list, owner) =>
    owner < workers
      ? (stop: AbortSignal) => readWithNumstat({ cwd, shas: list, missing, signal: stop })
      : (stop: AbortSignal) =>
          countFromBlobs(
            list.map((sha) => fromBlobs.get(sha) as RawRecord),
            { cwd, missing, signal: stop },
          ),
  )
  yield* mergeInOrder({ owners, sources, signal })
}

function defaultParallelism(): number {
  return Math.min(availableParallelism(), 8)
}

/**
 * In a partial clone with missing objects, the commits whose diffs touch them (read with `--raw`
 * first, which needs no blob) and the missing objects; nothing outside a partial clone, where a
 * missing object is only met, and handled, as git stops at it.
 */
async function planPartialClone(cwd: string, shas: readonly string[], signal: AbortSignal | undefined) {
  const none = { missing: null, fromBlobs: new Map<string, RawRecord>() }
  if (!(await isPartialClone(cwd, signal))) return none
  const missing = await listMissingObjects(cwd, shas, signal)
  if (missing.size === 0) return { ...none, missing }
  const fromBlobs = new Map<string, RawRecord>()
  for await (const record of readRawRecords({ cwd, shas, signal })) {
    if (
      record.filesUnknown === true ||
      record.raw.some((entry) => missing.has(entry.oldOid) || missing.has(entry.newOid))
    ) {
      fromBlobs.set(record.sha, record)
    }
  }
  return { missing, fromBlobs }
}
