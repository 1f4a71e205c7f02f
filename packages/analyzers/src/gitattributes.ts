import picomatch from 'picomatch'

/** The linguist attributes a path has: true when set, false when unset or `=false`, absent when unspecified. */
export interface LinguistAttributes {
  readonly generated?: boolean
  readonly vendored?: boolean
}

/** What one line says of each attribute: set (true), unset (false) or back to unspecified (null). */
type AttributeChanges = Partial<Record<keyof LinguistAttributes, boolean | null>>

interface AttributeRule {
  /** The directory of the `.gitattributes` file, ending in `/` ("" at the root). */
  readonly base: string
  readonly matches: (relativePath: string) => boolean
  readonly changes: AttributeChanges
}

const linguistNames = { 'linguist-generated': 'generated', 'linguist-vendored': 'vendored' } as const

/** `linguist-generated`, `-linguist-generated`, `linguist-generated=false`, `!linguist-generated` ... */
function parseAttributes(tokens: readonly string[]): AttributeChanges {
  const attributes: AttributeChanges = {}
  for (const token of tokens) {
    const match = /^([-!]?)([^=]+)(?:=(.*))?$/.exec(token)
    if (match === null) continue
    const key = linguistNames[match[2] as keyof typeof linguistNames]
    if (key === undefined) continue
    const [, prefix, , value] = match
    attributes[key] = prefix === '!' ? null : prefix !== '-' && value !== 'false'
  }
  return attributes
}

/**
 * A matcher for one pattern, with git's rules for attribute files: a pattern without a slash matches
 * the file name at any depth below the file's directory; one with a slash is anchored there;
 * `**` spans directories. Patterns that name a directory (`dir/`) match nothing, as in git.
 */
function patternMatcher(pattern: string): ((relativePath: string) => boolean) | null {
  if (pattern.endsWith('/') || pattern.startsWith('!') || pattern === '') return null
  const anchored = pattern.replace(/^\//, '')
  const options = { dot: true, nobrace: true, noextglob: true }
  if (!pattern.includes('/')) {
    const matchName = picomatch(anchored, options)
    return (relativePath) => matchName(relativePath.slice(relativePath.lastIndexOf('/') + 1))
  }
  return picomatch(anchored, options)
}

/** The rules of one `.gitattributes` file that set or unset a linguist attribute. */
export function parseGitattributes(text: string, filePath: string): AttributeRule[] {
  const base = filePath.slice(0, filePath.lastIndexOf('/') + 1)
  const rules: AttributeRule[] = []
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim()
    if (line === '' || line.startsWith('#') || line.startsWith('[attr]')) continue
    const [pattern, ...tokens] = line.split(/\s+/)
    const changes = parseAttributes(tokens)
    if (Object.keys(changes).length === 0) continue
    const matches = patternMatcher(pattern as string)
    if (matches !== null) rules.push({ base, matches, changes })
  }
  return rules
}

/** Answers which linguist attributes each path has, from every `.gitattributes` file at HEAD. */
export function linguistAttributeReader(files: ReadonlyMap<string, string>): (path: string) => LinguistAttributes {
  // Deeper files override shallower ones; within a file, later lines override earlier ones.
  const ordered = [...files].sort(([a], [b]) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1))
  const rules = ordered.flatMap(([path, text]) => parseGitattributes(text, path))
  return (path) => {
    const result: { generated?: boolean; vendored?: boolean } = {}
    for (const rule of rules) {
      if (!path.startsWith(rule.base) || !rule.matches(path.slice(rule.base.length))) continue
      for (const [key, value] of Object.entries(rule.changes) as [keyof LinguistAttributes, boolean | null][]) {
        if (value === null) delete result[key]
        else result[key] = value
      }
    }
    return result
  }
}
