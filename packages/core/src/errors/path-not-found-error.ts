import { GitloreError } from './gitlore-error.js'

/** A path given by the user does not exist. */
export class PathNotFoundError extends GitloreError {
  readonly path: string

  constructor(path: string, what = 'path') {
    super({
      code: 'path_not_found',
      kind: 'usage',
      message: `${what} ${path} does not exist: check the path and try again`,
    })
    this.name = 'PathNotFoundError'
    this.path = path
  }
}
