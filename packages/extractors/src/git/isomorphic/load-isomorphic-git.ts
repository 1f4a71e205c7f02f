type IsomorphicGit = typeof import('isomorphic-git')

let loading: Promise<IsomorphicGit> | undefined

/** isomorphic-git, loaded on first use so the git CLI backend (the usual one) never pays its start-up cost. */
export function loadIsomorphicGit(): Promise<IsomorphicGit> {
  loading ??= import('isomorphic-git')
  return loading
}
