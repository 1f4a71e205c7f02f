import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

const objectId = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/

/** Where git looks for replace refs: `GIT_REPLACE_REF_BASE`, or `refs/replace/`. */
export function replaceRefBase(): string {
  const base = process.env.GIT_REPLACE_REF_BASE
  return base === undefined || base === '' ? 'refs/replace/' : base.endsWith('/') ? base : `${base}/`
}

/** Whether the environment turns replace refs off, as `GIT_NO_REPLACE_OBJECTS` does for git. */
export function replaceObjectsDisabled(): boolean {
  return process.env.GIT_NO_REPLACE_OBJECTS !== undefined
}

/**
 * The repository's replace refs (`git replace`) as object -> replacement, from loose refs and
 * `packed-refs` (a loose ref wins), the way git reads them: git then reads the replacement's
 * content wherever the object is named.
 */
export async function readReplaceRefs(commonDir: string): Promise<Map<string, string>> {
  const base = replaceRefBase()
  const replacements = new Map<string, string>()
  const packed = await readFile(join(commonDir, 'packed-refs'), 'latin1').catch(() => '')
  for (const line of packed.split('\n')) {
    const [target, name] = line.trim().split(' ')
    if (target === undefined || name === undefined || !name.startsWith(base)) continue
    const object = name.slice(base.length)
    if (objectId.test(object) && objectId.test(target)) replacements.set(object, target)
  }
  const names = await readdir(join(commonDir, base)).catch(() => [] as string[])
  for (const object of names) {
    if (!objectId.test(object)) continue
    const target = (await readFile(join(commonDir, base, object), 'latin1').catch(() => '')).trim()
    if (objectId.test(target)) replacements.set(object, target)
  }
  return replacements
}

/** Replace refs as `<object> <replacement>` lines, sorted: what `RepositoryState.replacements` holds. */
export function describeReplacements(replacements: ReadonlyMap<string, string>): string[] {
  return [...replacements].map(([object, replacement]) => `${object} ${replacement}`).sort()
}

/** Whether a `core.useReplaceRefs` value (as git or isomorphic-git gives it) turns replace refs off. */
export function isFalse(value: unknown): boolean {
  return value === false || /^(false|no|off|0)$/i.test(String(value ?? '').trim())
}
