import type { Person } from '@gitlore/core'

/**
 * A person's identity: the author email lower-cased. Commits already carry the identity after
 * `.mailmap`, as `git log --format=%aE` prints it.
 */
export function authorIdentity(author: Pick<Person, 'email'>): string {
  return author.email.toLowerCase()
}
