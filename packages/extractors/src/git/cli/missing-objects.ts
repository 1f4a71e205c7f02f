import { runGit, streamGit } from './run-git.js'

/**
 * Whether the repository is a partial clone (a promisor remote configured), where git would fetch
 * a missing object on demand, or (lazy fetching being off) stop at it instead of reporting it.
 */
export async function isPartialClone(cwd: string, signal?: AbortSignal): Promise<boolean> {
  const result = await runGit({
    cwd,
    args: ['config', '-z', '--get-regexp', '^(remote\\..*\\.promisor|extensions\\.partialclone)$'],
    signal,
    allowedExitCodes: [1],
  })
  return result.stdout
    .toString('latin1')
    .split('\0')
    .some((entry) => {
      const [key = '', value = ''] = entry.split('\n')
      return key === 'extensions.partialclone' ? value !== '' : key !== '' && /^(true|yes|on|1)$/i.test(value)
    })
}

/**
 * The objects the diffs of `shas` may need (their trees and their parents') that the object store
 * lacks, as `git rev-list --missing=print` lists them without fetching anything; with `walk`, the
 * objects reachable from the revisions themselves (a tree, say).
 */
export async function listMissingObjects(
  cwd: string,
  shas: readonly string[],
  signal?: AbortSignal,
  { walk = false }: { readonly walk?: boolean } = {},
) {
  const missing = new Set<string>()
  let carry = ''
  for await (const chunk of streamGit({
    cwd,
    args: ['rev-list', '--objects', '--no-object-names', '--missing=print', ...(walk ? [] : ['--no-walk']), '--stdin'],
    input: walk ? `${shas.join('\n')}\n` : shas.map((sha) => `${sha}\n${sha}^@\n`).join(''),
    signal,
  })) {
    const lines = (carry + chunk.toString('latin1')).split('\n')
    carry = lines.pop() ?? ''
    for (const line of lines) if (line.startsWith('?')) missing.add(line.slice(1))
  }
  if (carry.startsWith('?')) missing.add(carry.slice(1))
  return missing
}
