import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmod, chown, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type FindPostgresOptions, findPostgresBinaries, lookUpUser } from './find-postgres.js'

/**
 * A PostgreSQL server for tests: a throwaway cluster in a temporary directory, or one named by the
 * environment. On a throwaway cluster the superuser `gitlore` connects without a password and every other
 * role needs one (scram-sha-256).
 */
export interface TestPostgres {
  /** The URL of the server's `postgres` database (no password: local connections are trusted). */
  readonly url: string
  /** Creates an empty database and returns its URL. */
  createDatabase(): Promise<string>
  /** The server's log (a throwaway cluster's only; null for an external server). */
  readonly logFile: string | null
  /** Stops a throwaway cluster and deletes its directory (databases created on an external server are dropped). */
  stop(): Promise<void>
}

/** Options of `startTestPostgres`. */
export interface StartTestPostgresOptions {
  /** Extra server settings, e.g. `{ log_lock_waits: 'on', deadlock_timeout: '10ms' }`. */
  readonly settings?: Readonly<Record<string, string>>
  /** Environment to read `GITLORE_TEST_POSTGRES_URL`, `GITLORE_POSTGRES_BIN` and `PATH` from; default `process.env`. */
  readonly env?: NodeJS.ProcessEnv
}

/** PostgreSQL cannot be started here: no server programs, or running as root with no user to run it as. */
export class PostgresUnavailableError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PostgresUnavailableError'
  }
}

/**
 * Why `startTestPostgres` cannot start a server here, or null when it can (or an external server is named).
 * Test files skip their PostgreSQL half with this reason locally, and fail with it in CI.
 */
export function postgresUnavailableReason(options: FindPostgresOptions = {}): string | null {
  const env = options.env ?? process.env
  if (env.GITLORE_TEST_POSTGRES_URL) return null
  if (findPostgresBinaries(options) === null) {
    return 'PostgreSQL server programs (initdb, postgres) not found: install Debian’s postgresql package, put its bin directory on PATH or in GITLORE_POSTGRES_BIN, or set GITLORE_TEST_POSTGRES_URL'
  }
  if (process.getuid?.() === 0 && lookUpUser('postgres') === null) {
    return 'running as root and there is no postgres user to run the PostgreSQL server as'
  }
  return null
}

/**
 * For a test file with PostgreSQL tests: null when they can run here; otherwise why not, for
 * `describe.skipIf`. In CI (`CI` set) PostgreSQL tests must run, so there it throws that reason instead and
 * the file fails.
 */
export function postgresSkipReason(options: FindPostgresOptions = {}): string | null {
  const reason = postgresUnavailableReason(options)
  if (reason !== null && isContinuousIntegration(options.env ?? process.env)) {
    throw new PostgresUnavailableError(`PostgreSQL tests must run in CI, but ${reason}`)
  }
  return reason
}

/** Whether this is a CI run (`CI` set and not `false`/`0`), where PostgreSQL tests must fail rather than skip. */
export function isContinuousIntegration(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CI?.trim().toLowerCase()
  return value !== undefined && value !== '' && value !== 'false' && value !== '0'
}

type PgClient = {
  connect(): Promise<unknown>
  query(text: string): Promise<unknown>
  end(): Promise<void>
}

async function connectClient(url: string): Promise<PgClient> {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: url }) as unknown as PgClient & {
    on(event: 'error', listener: () => void): void
  }
  client.on('error', () => {})
  await client.connect()
  return client
}

/** `url` with its database replaced. */
function withDatabase(url: string, database: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^/?]*)(\/[^?]*)?/i, `$1/${database}`)
}

/**
 * Starts PostgreSQL for a test run and returns how to reach it. With `GITLORE_TEST_POSTGRES_URL` set, that
 * server is used (each `createDatabase` makes a database on it). Otherwise a throwaway cluster is made with
 * `initdb` in a temporary directory and started on a private Unix socket (no TCP port, so runs never
 * collide), as the `postgres` user when this process is root. Throws `PostgresUnavailableError` when
 * neither is possible.
 */
export async function startTestPostgres(options: StartTestPostgresOptions = {}): Promise<TestPostgres> {
  const env = options.env ?? process.env
  const external = env.GITLORE_TEST_POSTGRES_URL
  if (external !== undefined && external !== '') return useExternalServer(external)

  const unavailable = postgresUnavailableReason({ env })
  if (unavailable !== null) throw new PostgresUnavailableError(unavailable)
  const binaries = findPostgresBinaries({ env }) as string
  const runAs = process.getuid?.() === 0 ? lookUpUser('postgres') : null
  const directory = await mkdtemp(join(tmpdir(), 'gitlore-postgres-'))
  const identity = runAs === null ? {} : { uid: runAs.uid, gid: runAs.gid }
  if (runAs !== null) await chown(directory, runAs.uid, runAs.gid)
  await chmod(directory, 0o700)
  const data = join(directory, 'data')
  const logFile = join(directory, 'server.log')
  const childEnv = { ...env, LC_ALL: 'C', LANG: 'C' }

  await runToEnd(
    join(binaries, 'initdb'),
    ['-D', data, '-A', 'trust', '-U', 'gitlore', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions'],
    { ...identity, env: childEnv },
  ).catch(async (error: unknown) => {
    await rm(directory, { recursive: true, force: true })
    throw error
  })

  // The superuser `gitlore` is trusted; any other role must give its password, so tests can check how one is supplied.
  await writeFile(
    join(data, 'pg_hba.conf'),
    [
      'local all gitlore trust',
      'host all gitlore 127.0.0.1/32 trust',
      'local all all scram-sha-256',
      'host all all 127.0.0.1/32 scram-sha-256',
      '',
    ].join('\n'),
  )

  const port = 20_000 + Math.floor(Math.random() * 40_000)
  const settings: Record<string, string> = {
    listen_addresses: '',
    unix_socket_directories: directory,
    port: String(port),
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    max_connections: '200',
    shared_buffers: '32MB',
    ...options.settings,
  }
  const log = await open(logFile, 'a')
  if (runAs !== null) await log.chown(runAs.uid, runAs.gid)
  const server = spawn(
    join(binaries, 'postgres'),
    ['-D', data, ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`])],
    { ...identity, env: childEnv, stdio: ['ignore', log.fd, log.fd] },
  )
  await log.close()
  const killOnExit = () => server.kill('SIGKILL')
  process.once('exit', killOnExit)
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()))

  const url = `postgresql://gitlore@localhost:${settings.port}/postgres?host=${encodeURIComponent(directory)}`
  let admin: PgClient
  try {
    admin = await waitUntilReady(url, server, logFile)
  } catch (error) {
    server.kill('SIGKILL')
    await exited
    process.removeListener('exit', killOnExit)
    await rm(directory, { recursive: true, force: true })
    throw error
  }

  let stopped = false
  return {
    url,
    logFile,
    async createDatabase() {
      const name = `gitlore_test_${randomBytes(6).toString('hex')}`
      await admin.query(`create database ${name}`)
      return withDatabase(url, name)
    },
    async stop() {
      if (stopped) return
      stopped = true
      await admin.end().catch(() => {})
      server.kill('SIGINT')
      const timer = setTimeout(() => server.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
      process.removeListener('exit', killOnExit)
      await rm(directory, { recursive: true, force: true })
    },
  }
}

async function useExternalServer(url: string): Promise<TestPostgres> {
  const admin = await connectClient(url)
  const created: string[] = []
  return {
    url,
    logFile: null,
    async createDatabase() {
      const name = `gitlore_test_${randomBytes(6).toString('hex')}`
      await admin.query(`create database ${name}`)
      created.push(name)
      return withDatabase(url, name)
    },
    async stop() {
      for (const name of created.splice(0)) await admin.query(`drop database if exists ${name} with (force)`)
      await admin.end()
    },
  }
}

function runToEnd(command: string, args: readonly string[], options: Parameters<typeof spawn>[2]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    child.once('error', reject)
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} failed (exit ${code}): ${stderr.trim().slice(-2000)}`)),
    )
  })
}

async function waitUntilReady(url: string, server: ChildProcess, logFile: string): Promise<PgClient> {
  const deadline = Date.now() + 30_000
  for (;;) {
    if (server.exitCode !== null || server.signalCode !== null) {
      const log = await readFile(logFile, 'utf8').catch(() => '')
      throw new Error(`the PostgreSQL server stopped while starting: ${log.trim().slice(-2000)}`)
    }
    try {
      return await connectClient(url)
    } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
}
