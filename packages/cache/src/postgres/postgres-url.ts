import { type ConnectionOptions, parse } from 'pg-connection-string'

/** Whether `url` names a PostgreSQL database (`postgres://` or `postgresql://`). */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url.trim())
}

function parsed(url: string): ConnectionOptions | null {
  try {
    return parse(url.trim())
  } catch {
    return null
  }
}

/** Whether the URL carries a password (in its user part or as a `password` parameter). */
export function urlHasPassword(url: string): boolean {
  const options = parsed(url)
  return options === null ? /:[^@/]*@/.test(url) : typeof options.password === 'string' && options.password !== ''
}

/**
 * The URL as gitlore shows it in messages and `cache stats`: scheme, user, host (or socket directory),
 * port and database, with no password and no other parameters (which may hold one).
 */
export function describePostgresUrl(url: string): string {
  const options = parsed(url)
  if (options === null) return 'postgres://(unparsable URL)'
  const user = options.user ? `${options.user}@` : ''
  const port = options.port ? `:${options.port}` : ''
  return `postgres://${user}${options.host ?? ''}${port}/${options.database ?? ''}`
}
