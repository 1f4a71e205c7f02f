/** The global symbol that marks instances of the class named `name` (and of its subclasses). */
function markerOf(name: string): symbol {
  return Symbol.for(`gitlore.error.${name}`)
}

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
 * installs of this package because it checks global symbols, not the prototype chain: each error
 * carries one marker per class it is an instance of, so `ConfigError.isInstance(error)` is true
 * only for configuration errors while `GitloreError.isInstance(error)` is true for all of them.
 */
export class GitloreError extends Error {
  readonly code: string
  readonly kind: ErrorKind

  constructor({ code, message, kind = 'failure', cause }: GitloreErrorOptions) {
    super(message, cause === undefined ? undefined : { cause })
    this.name = 'GitloreError'
    this.code = code
    this.kind = kind
    for (
      let type: unknown = new.target;
      typeof type === 'function' && type !== Error;
      type = Object.getPrototypeOf(type)
    ) {
      Object.defineProperty(this, markerOf((type as { name: string }).name), { value: true })
    }
  }

  /** True for instances of this class or a subclass, from any copy of this package. */
  static isInstance<T extends GitloreError>(this: abstract new (...args: never[]) => T, error: unknown): error is T {
    return (
      typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[markerOf(this.name)] === true
    )
  }
}
