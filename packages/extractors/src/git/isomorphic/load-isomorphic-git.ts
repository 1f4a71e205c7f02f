type IsomorphicGit = typeof import('isomorphic-git')

let loading: Promise<IsomorphicGit> | undefined

/** isomorphic-git, loaded on first use so the git CLI backend (the usual one) never pays its start-up cost. */
export function loadIsomorphicGit(): Promise<IsomorphicGit> {
  // On Node isomorphic-git resolves to CommonJS; a bundler may hand it over as the default export only.
  loading ??= import('isomorphic-git').then((module) =>
    typeof module.resolveRef === 'function' ? module : (module as unknown as { default: IsomorphicGit }).default,
  )
  return loading
}
