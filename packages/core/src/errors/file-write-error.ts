import { GitloreError } from './gitlore-error.js'

const reasons: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  EISDIR: 'a directory is in the way',
  ENOTDIR: 'a file is in the way of a directory',
}

/** A file gitlore writes (a report, the log, context.json, the cache directory) could not be written. */
export class FileWriteError extends GitloreError {
  /** The path that could not be written. */
  readonly path: string

  constructor(path: string, options: { cause?: unknown; remedy?: string; code?: string } = {}) {
    const code = (options.cause as NodeJS.ErrnoException | undefined)?.code
    const reason =
      code !== undefined && reasons[code] !== undefined
        ? reasons[code]
        : options.cause instanceof Error
          ? options.cause.message.split('\n')[0]
          : 'unknown error'
    super({
      code: options.code ?? 'file_write_failed',
      message: `cannot write ${path}: ${reason}; ${options.remedy ?? 'make its directory writable, or choose another place with --out'}`,
      cause: options.cause,
    })
    this.name = 'FileWriteError'
    this.path = path
  }
}
