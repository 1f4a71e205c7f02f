import { describeReplacements, isFalse, replaceObjectsDisabled, replaceRefBase } from '../replace-refs.js'
import { runGit } from './run-git.js'

const objectId = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/

/** The replace refs `git log` applies in the repository, as `RepositoryState.replacements` describes them. */
export async function listReplaceRefs(cwd: string, signal?: AbortSignal): Promise<string[]> {
  if (replaceObjectsDisabled()) return []
  const base = replaceRefBase()
  const refs = await runGit({ cwd, args: ['for-each-ref', '--format=%(refname) %(objectname)', base], signal })
  const replacements = new Map<string, string>()
  for (const line of refs.stdout.toString('latin1').split('\n')) {
    const [name = '', target = ''] = line.split(' ')
    const object = name.slice(base.length)
    if (name.startsWith(base) && objectId.test(object) && objectId.test(target)) replacements.set(object, target)
  }
  if (replacements.size === 0) return []
  const setting = await runGit({
    cwd,
    args: ['config', '--type=bool', '--get', 'core.useReplaceRefs'],
    signal,
    allowedExitCodes: [1],
  })
  return isFalse(setting.stdout.toString('latin1')) && setting.code === 0 ? [] : describeReplacements(replacements)
}
