import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { delimiter, join } from 'node:path'

/** Where to look for PostgreSQL's server programs. */
export interface FindPostgresOptions {
  /** Environment: `GITLORE_POSTGRES_BIN`, and `PATH` for `pg_config` and the programs; default `process.env`. */
  readonly env?: NodeJS.ProcessEnv
  /** Where Debian and Ubuntu install each major version (`<root>/15/bin`); default `/usr/lib/postgresql`. */
  readonly debianRoot?: string
}

/**
 * Where the PostgreSQL server programs (`initdb`, `postgres`) are, or null when they are not installed:
 * `GITLORE_POSTGRES_BIN`, `pg_config --bindir`, Debian's newest version, then `PATH`.
 */
export function findPostgresBinaries(options: FindPostgresOptions = {}): string | null {
  const env = options.env ?? process.env
  const candidates: string[] = []
  if (env.GITLORE_POSTGRES_BIN) candidates.push(env.GITLORE_POSTGRES_BIN)
  try {
    candidates.push(
      execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
    )
  } catch {
    // pg_config is optional: Debian puts it in libpq-dev.
  }
  // Debian and Ubuntu keep each major version apart, newest first.
  const debian = options.debianRoot ?? '/usr/lib/postgresql'
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a))
    candidates.push(...versions.map((version) => join(debian, version, 'bin')))
  }
  candidates.push(...(env.PATH ?? '').split(delimiter).filter((directory) => directory !== ''))
  return (
    candidates.find((directory) => existsSync(join(directory, 'initdb')) && existsSync(join(directory, 'postgres'))) ??
    null
  )
}

/** The uid and gid of a user from /etc/passwd, or null. */
export function lookUpUser(name: string): { uid: number; gid: number } | null {
  try {
    for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
      const [user, , uid, gid] = line.split(':')
      if (user === name && uid !== undefined && gid !== undefined) return { uid: Number(uid), gid: Number(gid) }
    }
  } catch {
    // No /etc/passwd: not a system where the server can run as another user.
  }
  return null
}
