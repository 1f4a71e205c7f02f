const marker = 'gitlore.error'
const symbol = Symbol.for(marker)

/** What kind of problem an error is; the CLI maps it to an exit code (usage -> 2, failure -> 1). */
export type ErrorKind = 'usage' | 'failure'

export interface GitloreErrorOptions {
  /** Stable machine-readable code, e.g. `config_invalid`. */
  readonly code: string
  /** The message shown to the user: what happened and what to do next. */
  readonly message: string
  /** Whether the user can fix it by changing input (usage) or not (failure). */
  readonly kind?: ErrorKind
  /** The underlying error, if any. */
  readonly cause?: unknown
}

/**
 * Base class of every error gitlore raises on purpose. `isInstance` works across duplicated
 * installs of this package because it checks a global symbol, not the prototype chain.
 */
export class GitloreError extends Error {
  // Read through the global symbol by isInstance, never by name.
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: the marker isInstance looks for
  private readonly [symbol] = true
  readonly code: string
  readonly kind: ErrorKind

  constructor({ code, message, kind = 'failure', cause }: GitloreErrorOptions) {
    super(message, cause === undefined ? undefined : { cause })
    this.name = 'GitloreError'
    this.code = code
    this.kind = kind
  }

  static isInstance(error: unknown): error is GitloreError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[symbol] === true
  }
}
