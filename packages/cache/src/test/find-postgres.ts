import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { delimiter, join } from 'node:path'

/** Where the PostgreSQL server programs (`initdb`, `postgres`) are, or null when they are not installed. */
export function findPostgresBinaries(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates: string[] = []
  if (env.GITLORE_POSTGRES_BIN) candidates.push(env.GITLORE_POSTGRES_BIN)
  try {
    candidates.push(
      execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
    )
  } catch {
    // pg_config is optional: Debian puts it in libpq-dev.
  }
  // Debian and Ubuntu keep each major version apart, newest first.
  const debian = '/usr/lib/postgresql'
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
