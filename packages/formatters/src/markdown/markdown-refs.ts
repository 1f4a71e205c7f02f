import { commitAddress, refKind } from '../shared/report-facts.js'
import { codeSpan } from './markdown-text.js'

export { githubRepository } from '../shared/report-facts.js'

/**
 * A commit as the reader sees it: seven characters linked to the full sha on GitHub when the
 * repository is there; elsewhere the sha as given in a code span, so it stays exact.
 */
export function commitLink(sha: string, github: string | null): string {
  const address = commitAddress(sha, github)
  return address === null ? codeSpan(sha) : `[${codeSpan(sha.slice(0, 7))}](${address})`
}

/** An evidence ref: a commit, a URL (pull request, comment) or a `path[:line]`. */
export function evidenceRef(ref: string, github: string | null): string {
  switch (refKind(ref)) {
    case 'commit':
      return commitLink(ref, github)
    case 'web':
      return `<${ref}>`
    case 'path':
      return codeSpan(ref)
  }
}
