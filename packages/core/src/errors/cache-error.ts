import { GitloreError } from './gitlore-error.js'

/** The cache database cannot be opened or is not gitlore's; the file is left untouched. */
export class CacheError extends GitloreError {
  readonly path: string

  constructor({ path, message, cause }: { path: string; message: string; cause?: unknown }) {
    super({ code: 'cache_unusable', message, cause })
    this.name = 'CacheError'
    this.path = path
  }
}
