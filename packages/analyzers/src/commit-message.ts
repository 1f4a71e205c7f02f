import type { Commit } from '@gitlore/core'

/** The whole commit message as git stores it: the subject, then a blank line and the body when there is one. */
export function commitMessage(commit: Pick<Commit, 'subject' | 'body'>): string {
  return commit.body === '' ? commit.subject : `${commit.subject}\n\n${commit.body}`
}
