import { GitloreError } from './gitlore-error.js'

/**
 * A path gitlore was about to read or write is a symbolic link, a special file or too large, or
 * leaves the directory it must stay in. Nothing was read or written through it.
 */
export class UnsafePathError extends GitloreError {
  /** The path that was refused. */
  readonly path: string

  constructor({ path, message, cause }: { path: string; message: string; cause?: unknown }) {
    super({ code: 'unsafe_path', kind: 'usage', message, cause })
    this.name = 'UnsafePathError'
    this.path = path
  }
}
