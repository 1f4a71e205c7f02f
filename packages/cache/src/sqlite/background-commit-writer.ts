import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { CacheError, type RawCommit } from '@gitlore/core'
import { encodeCommit } from '../commits/commit-json.js'
import { uniqueBy } from '../unique-by.js'

/** Options of `createBackgroundCommitWriter`. */
export interface BackgroundCommitWriterOptions {
  /** The SQLite file (gitlore's cache, its schema already prepared). */
  readonly path: string
  /** Milliseconds a write waits for another writer before it fails. */
  readonly busyTimeout: number
  /** The repository the rows are scoped to. */
  readonly repository: string
}

/** Stores commits from a worker thread, so the SQLite inserts do not hold up the thread reading history. */
export interface BackgroundCommitWriter {
  /** Hands commits over (encoded here, inserted by the worker in one transaction) and returns at once. */
  put(commits: readonly RawCommit[]): void
  /** Resolves when every commit handed over is stored; rejects with the first failure. */
  flush(): Promise<void>
  /** Flushes, then stops the worker. */
  close(): Promise<void>
  /** Whether the worker runs (commits were handed over). */
  readonly started: boolean
}

// The worker's whole program: it opens its own connection to the file (WAL lets it write beside the
// main connection) and stores each batch in one `BEGIN IMMEDIATE` transaction, in arrival order.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.path, { timeout: workerData.busyTimeout })
db.pragma('synchronous = normal')
const insert = db.prepare(
  'insert into commits (repository, sha, data) values (?, ?, ?) on conflict (repository, sha) do nothing',
)
const store = db.transaction((rows) => {
  for (const [sha, data] of rows) insert.run(workerData.repository, sha, data)
})
parentPort.on('message', (message) => {
  if (message.type === 'rows') {
    try {
      store.immediate(message.rows)
    } catch (error) {
      parentPort.postMessage({ type: 'failed', message: String((error && error.message) || error) })
    }
  } else if (message.type === 'flush') {
    parentPort.postMessage({ type: 'flushed', id: message.id })
  } else if (message.type === 'close') {
    db.close()
    parentPort.close()
  }
})
`

/**
 * A writer of commits on its own thread. The first `put` starts the worker; a failure (the file
 * locked past the busy timeout, the disk full) is kept and thrown by the next `flush` or `close`, as
 * a `CacheError`; commits stored before it stay stored.
 */
export function createBackgroundCommitWriter(options: BackgroundCommitWriterOptions): BackgroundCommitWriter {
  let worker: Worker | undefined
  let failure: Error | undefined
  let flushes = 0
  const waiting = new Map<number, () => void>()
  const fail = (message: string) => {
    failure ??= new CacheError({ path: options.path, message: `cannot store commits in ${options.path}: ${message}` })
    for (const resolve of waiting.values()) resolve()
    waiting.clear()
  }
  const start = (): Worker => {
    if (worker !== undefined) return worker
    const driver = createRequire(import.meta.url).resolve('better-sqlite3')
    worker = new Worker(workerSource, { eval: true, workerData: { ...options, driver } })
    worker.on('message', (message: { type: string; id?: number; message?: string }) => {
      if (message.type === 'failed') fail(message.message ?? 'unknown error')
      else if (message.type === 'flushed') {
        waiting.get(message.id as number)?.()
        waiting.delete(message.id as number)
      }
    })
    worker.on('error', (error) => fail(error.message))
    worker.on('exit', () => {
      if (waiting.size > 0) fail('the writer stopped')
    })
    return worker
  }
  const flush = async (): Promise<void> => {
    if (worker !== undefined) {
      const id = ++flushes
      const done = new Promise<void>((resolve) => waiting.set(id, resolve))
      worker.postMessage({ type: 'flush', id })
      await done
    }
    if (failure !== undefined) throw failure
  }
  return {
    get started() {
      return worker !== undefined
    },
    put(commits) {
      if (commits.length === 0 || failure !== undefined) return
      const rows = uniqueBy(commits, (commit) => commit.sha).map((commit) => [commit.sha, encodeCommit(commit)])
      start().postMessage({ type: 'rows', rows })
    },
    flush,
    async close() {
      try {
        await flush()
      } finally {
        if (worker !== undefined) {
          const exited = new Promise((resolve) => worker?.once('exit', resolve))
          worker.postMessage({ type: 'close' })
          await exited
          worker = undefined
        }
      }
    },
  }
}
