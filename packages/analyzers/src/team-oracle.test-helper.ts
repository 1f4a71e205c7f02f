import { knownBotLogins } from '@gitlore/core'
import { git } from '@gitlore/fixtures'

/**
 * The oracle's naive reading of the people and file rules of docs/context.md: bots, release
 * commits, identity merges, generated files. Written independently of the analyzers (linguist
 * attributes come from `git check-attr` itself), so the oracle test proves both against git.
 */

export interface OracleAuthor {
  readonly email: string
  readonly name: string
  readonly subject: string
}

export function oracleIsBot(author: OracleAuthor): boolean {
  const login = /^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/i.exec(author.email)?.[1]
  const names = [author.name.trim(), ...(login === undefined ? [] : [login])]
  const list = [...knownBotLogins].map((name) => name.toLowerCase())
  return (
    names.some((name) => /\[bot\]$/i.test(name) || /[-_ ]bot$/i.test(name) || /^(ro)?bot$/i.test(name)) ||
    names.some((name) => list.includes(name.toLowerCase().replace(/\[bot\]$/, '')))
  )
}

export function oracleIsRelease(subject: string): boolean {
  const s = subject.trim().toLowerCase()
  return (
    s.startsWith('version packages') ||
    /^(->\s*)?v?\d+\.\d+\.\d+([-+][\w.]+)?(\s*\(#\d+\))?$/.test(s) ||
    /^(chore|build|release)(\([^)]*\))?!?:\s*(release|publish|bump (the )?version|version)\b/.test(s) ||
    /^(chore|build)\(release\)!?:/.test(s) ||
    /^release:?\s+v?\d+\.\d+/.test(s) ||
    /^bump ((alpha|beta|rc|next|canary|patch|minor|major|the|package) )?version\b/.test(s)
  )
}

const placeholders =
  'root admin administrator user unknown ubuntu you me github git dev developer test none nobody anonymous localhost runner'.split(
    ' ',
  )

/** Identity -> canonical identity, by joining groups until nothing changes (slow and obvious). */
export function oracleMerges(
  entries: readonly { who: string; name: string; bot: boolean; seconds: number }[],
  identityLogins: ReadonlyMap<string, string>,
): {
  canonical: Map<string, string>
  merges: { identity: string; name: string; aliases: { identity: string; reason: string }[] }[]
} {
  const humans = entries.filter((entry) => !entry.bot)
  const identities = [...new Set(humans.map((entry) => entry.who))]
  const key = (name: string) => {
    const k = name.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ')
    return k.length < 2 || !/\p{L}/u.test(k) || placeholders.includes(k) || k === 'your name' ? null : k
  }
  const namesOf = (who: string) =>
    humans
      .filter((entry) => entry.who === who)
      .map((entry) => key(entry.name))
      .filter((k) => k !== null)
  const loginOf = (who: string) => /^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/i.exec(who)?.[1]?.toLowerCase()
  const reason = new Map<string, string>()
  const rules: [string, (x: string, y: string) => boolean][] = [
    ['same-name', (x, y) => namesOf(x).some((name) => namesOf(y).includes(name))],
    [
      'github-noreply',
      (x, y) =>
        (loginOf(x) !== undefined && (loginOf(x) === loginOf(y) || namesOf(y).includes(loginOf(x) as string))) ||
        (loginOf(y) !== undefined && namesOf(x).includes(loginOf(y) as string)),
    ],
    [
      'github-login',
      (x, y) => {
        const logins = (who: string) =>
          [identityLogins.get(who)?.toLowerCase(), loginOf(who)].filter((l) => l !== undefined)
        return logins(x).some((login) => logins(y).includes(login))
      },
    ],
  ]
  let groups = identities.map((who) => [who])
  for (const [name, linked] of rules) {
    for (const x of identities) {
      for (const y of identities) if (x !== y && linked(x, y) && !reason.has(x)) reason.set(x, name)
    }
    let changed = true
    while (changed) {
      changed = false
      outer: for (const a of groups) {
        for (const b of groups) {
          if (a !== b && a.some((x) => b.some((y) => linked(x, y)))) {
            groups = [...groups.filter((group) => group !== a && group !== b), [...a, ...b]]
            changed = true
            break outer
          }
        }
      }
    }
  }
  const commitsOf = (who: string) => humans.filter((entry) => entry.who === who).length
  const canonical = new Map<string, string>()
  const merges = []
  for (const group of groups.filter((members) => members.length > 1)) {
    const ranked = [...group].sort((x, y) => commitsOf(y) - commitsOf(x) || (x < y ? -1 : 1))
    const main = ranked[0] as string
    for (const who of group) canonical.set(who, main)
    const newest = Math.max(...humans.filter((entry) => entry.who === main).map((entry) => entry.seconds))
    merges.push({
      identity: main,
      name: (humans.find((entry) => entry.who === main && entry.seconds === newest) as { name: string }).name,
      aliases: ranked.slice(1).map((who) => ({ identity: who, reason: reason.get(who) as string })),
    })
  }
  merges.sort((x, y) => (x.identity < y.identity ? -1 : 1))
  return { canonical, merges }
}

/** The linguist attributes git itself gives each path (`git check-attr --cached`, from the index). */
export async function checkAttributes(
  dir: string,
  paths: readonly string[],
): Promise<Map<string, { generated?: boolean; vendored?: boolean }>> {
  const attributes = new Map<string, { generated?: boolean; vendored?: boolean }>()
  const output = await git(dir, [
    'check-attr',
    '--cached',
    '-z',
    'linguist-generated',
    'linguist-vendored',
    '--',
    ...paths,
  ])
  const fields = output.split('\0')
  for (let index = 0; index + 2 < fields.length; index += 3) {
    const [path, attribute, value] = fields.slice(index, index + 3) as [string, string, string]
    const known = attributes.get(path) ?? {}
    const key = attribute === 'linguist-generated' ? 'generated' : 'vendored'
    if (value === 'set' || value === 'true') known[key] = true
    else if (value === 'unset' || value === 'false') known[key] = false
    attributes.set(path, known)
  }
  return attributes
}

/** What git says of the tree at HEAD: paths, linguist attributes (`git check-attr --cached`), contents. */
export async function oracleHead(dir: string) {
  const entries = (await git(dir, ['ls-tree', '-r', '-z', 'HEAD'])).split('\0').filter(Boolean)
  const paths = entries.map((entry) => entry.slice(entry.indexOf('\t') + 1))
  const blob = (index: number) => git(dir, ['cat-file', 'blob', (entries[index] as string).split(/\s/)[2] as string])
  const attributes = await checkAttributes(dir, paths)
  const contents = new Map<string, string>()
  for (const [index, path] of paths.entries()) contents.set(path, await blob(index))
  return { paths, attributes, contents }
}

/** The reason a path counts as generated, by docs/context.md's rules in their order; null for source. */
export function oracleGenerated(path: string, head: Awaited<ReturnType<typeof oracleHead>>): string | null {
  const attributes = head.attributes.get(path) ?? {}
  if (attributes.generated === true) return 'linguist-generated'
  if (attributes.vendored === true) return 'linguist-vendored'
  if (attributes.generated === false || attributes.vendored === false) return null
  const name = path.split('/').at(-1) as string
  if (['pnpm-lock.yaml', 'package-lock.json', 'yarn.lock', 'cargo.lock', 'go.sum'].includes(name.toLowerCase()))
    return 'lockfile'
  const segments = path.split('/').slice(0, -1)
  if (segments.some((segment) => ['vendor', 'node_modules', 'third_party'].includes(segment))) return 'vendored-path'
  if (segments.some((segment) => ['generated', 'autogen', 'dist', '__snapshots__', '_expected'].includes(segment)))
    return 'generated-path'
  if (/\.min\.js$|\.snap$/.test(name)) return 'generated-path'
  const content = head.contents.get(path)
  if (content !== undefined && content.length <= 1024 * 1024) {
    const first = content.split('\n').slice(0, 5)
    if (first.some((line) => /^\s*(\/\/|#|\/\*)/.test(line) && /generated (by|during)|DO NOT EDIT/.test(line)))
      return 'generated-header'
    if (/\/\/# sourceMappingURL=/.test(content.slice(-512))) return 'build-artefact'
  }
  const stem = path.replace(/\.[^./]+$/, '')
  if (!head.paths.includes(path)) return null
  if (path.endsWith('.pdf') && head.paths.includes(`${stem}.tex`)) return 'build-artefact'
  if (path.endsWith('.js') && head.paths.includes(`${stem}.ts`)) return 'build-artefact'
  return null
}
