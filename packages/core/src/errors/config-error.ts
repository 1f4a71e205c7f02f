import { GitloreError } from './gitlore-error.js'

/** A configuration value (file, environment or flag) is unknown or invalid. */
export class ConfigError extends GitloreError {
  /** Dotted path of the offending key, e.g. `analysis.since`; empty for the file as a whole. */
  readonly keyPath: string

  constructor({ keyPath, message, cause }: { keyPath: string; message: string; cause?: unknown }) {
    super({ code: 'config_invalid', kind: 'usage', message, cause })
    this.name = 'ConfigError'
    this.keyPath = keyPath
  }
}
