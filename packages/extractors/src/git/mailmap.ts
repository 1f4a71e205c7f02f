import type { Person } from '@gitlore/core'

interface Replacement {
  readonly name: string | null
  readonly email: string | null
}

interface EmailEntry {
  /** The replacement for any name at this email (`Name <email>` and `<new> <email>` lines). */
  name: string | null
  email: string | null
  /** Replacements for one name at this email (`New <new> Old <email>` lines), by lower-cased name. */
  readonly byName: Map<string, Replacement>
}

/** A parsed `.mailmap`: maps a commit's identity to the canonical one, as `git log --format=%aN %aE` does. */
export interface Mailmap {
  /** The identity after the mailmap; the same object when no line applies. */
  map(person: Person): Person
  /** Number of distinct commit emails the mailmap mentions. */
  readonly size: number
}

/** Lower-cases ASCII only, like the C library's `strcasecmp` that git compares with. */
function foldCase(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase())
}

function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\v' || char === '\f' || char === '\r'
}

/** git's `parse_name_and_email`: a name (or null) and the text between the first `<` and `>`. */
function parseNameAndEmail(
  text: string,
  allowEmptyEmail: boolean,
): { name: string | null; email: string; rest: string } | null {
  const left = text.indexOf('<')
  if (left === -1) return null
  const right = text.indexOf('>', left + 1)
  if (right === -1) return null
  if (!allowEmptyEmail && right === left + 1) return null
  let start = 0
  while (start < left && isSpace(text[start])) start++
  let end = left
  while (end > start && isSpace(text[end - 1])) end--
  return {
    name: end > start ? text.slice(start, end) : null,
    email: text.slice(left + 1, right),
    rest: text.slice(right + 1),
  }
}

/**
 * Parses `.mailmap` text with git's rules: the four line forms (`Name <email>`, `<new> <old>`,
 * `Name <new> <old>`, `Name <new> Old Name <old>`), `#` comments, emails and names matched
 * case-insensitively, later lines overriding earlier ones.
 */
export function parseMailmap(text: string): Mailmap {
  const entries = new Map<string, EmailEntry>()
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue
    const first = parseNameAndEmail(line, false)
    if (first === null) continue
    const second = first.rest === '' ? null : parseNameAndEmail(first.rest, true)
    const newName = first.name
    let newEmail: string | null = first.email
    let oldEmail = second?.email ?? null
    const oldName = second?.name ?? null
    if (oldEmail === null) {
      oldEmail = newEmail
      newEmail = null
    }
    const key = foldCase(oldEmail)
    let entry = entries.get(key)
    if (entry === undefined) {
      entry = { name: null, email: null, byName: new Map() }
      entries.set(key, entry)
    }
    if (oldName === null) {
      if (newName !== null) entry.name = newName
      if (newEmail !== null) entry.email = newEmail
    } else {
      entry.byName.set(foldCase(oldName), { name: newName, email: newEmail })
    }
  }
  return {
    size: entries.size,
    map(person: Person): Person {
      const entry = entries.get(foldCase(person.email))
      if (entry === undefined) return person
      const replacement: Replacement = entry.byName.get(foldCase(person.name)) ?? entry
      if (replacement.name === null && replacement.email === null) return person
      return { name: replacement.name ?? person.name, email: replacement.email ?? person.email }
    },
  }
}
