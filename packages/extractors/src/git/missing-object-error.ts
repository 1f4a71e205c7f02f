import { GitCommandError } from '@gitlore/core'

/** A git object the history needs is not in the object store (a partial clone, or a damaged one). */
export class MissingObjectError extends GitCommandError {
  /** The missing object's id. */
  readonly oid: string

  constructor(oid: string, options: { cause?: unknown } = {}) {
    super(`git object ${oid} is missing from the object store (a partial clone, or a damaged repository)`, options)
    this.name = 'MissingObjectError'
    this.oid = oid
  }
}
