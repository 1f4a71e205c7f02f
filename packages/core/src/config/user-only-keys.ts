/**
 * The configuration keys that decide where secrets are sent, what the user's credentials read, or
 * where files are written. They are honoured only from the user's own configuration (the user's
 * gitlore.toml, `--config`, `GITLORE_*` variables, flags), and from a repository's gitlore.toml only
 * after `gitlore trust`. This list is the one place that says so: a new key that holds a URL, a
 * path, a directory or the name of a secret belongs here (a test checks the schema against it).
 * `*` stands for any provider.
 */
export const userOnlyKeys = [
  'github.api_url',
  'github.clone_url',
  'github.repo',
  'providers.*.base_url',
  'providers.*.api_key_env',
  'output.dir',
  'cache.path',
  'cache.url',
  'cache.url_env',
  'cache.password_env',
] as const

/** A key path as gitlore.toml spells it: `providers.compatible.base_url` -> `[providers.compatible] base_url`. */
export function tomlKeyName(path: string): string {
  const parts = path.split('.')
  return `[${parts.slice(0, -1).join('.')}] ${parts.at(-1)}`
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function without(table: Record<string, unknown>, segments: readonly string[], prefix: string, removed: string[]) {
  const [head, ...rest] = segments as [string, ...string[]]
  const names = head === '*' ? Object.keys(table) : [head]
  const result: Record<string, unknown> = { ...table }
  for (const name of names) {
    if (!(name in table)) continue
    const path = prefix === '' ? name : `${prefix}.${name}`
    if (rest.length === 0) {
      delete result[name]
      removed.push(path)
    } else if (isTable(table[name])) {
      result[name] = without(table[name], rest, path, removed)
    }
  }
  return result
}

/** A configuration table with the user-only keys taken out, and the dotted paths of those it held. */
export function withoutUserOnlyKeys(data: Record<string, unknown>): {
  readonly data: Record<string, unknown>
  readonly removed: readonly string[]
} {
  const removed: string[] = []
  let result = data
  for (const key of userOnlyKeys) result = without(result, key.split('.'), '', removed)
  return { data: result, removed }
}
