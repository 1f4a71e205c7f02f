import { realpath, stat } from 'node:fs/promises'
import { join, relative as relativePath, sep } from 'node:path'
import { ToolInputError } from './tool-input-error.js'

/** An existing file or directory inside the repository, with its real path. */
export interface ResolvedPath {
  /** The path relative to the repository root, `/`-separated; '' for the root. */
  readonly relative: string
  /** The real path on disk (symlinks resolved), always inside the repository. */
  readonly real: string
  /** `real` relative to the root, `/`-separated: what a link at `relative` leads to. */
  readonly realRelative: string
  readonly kind: 'file' | 'directory' | 'other'
  readonly size: number
}

/**
 * Confines path arguments to one repository: the only way a tool turns a model's path into
 * something it reads. Lexical checks refuse absolute paths, `..`, `.git` and option-like
 * arguments; `resolve` then compares real paths, so a symlink that leads out (even to a sibling
 * whose name starts with the repository's, `/repo-evil` next to `/repo`) is refused too.
 */
export class RepositorySandbox {
  /** The repository root's real path. */
  readonly root: string

  private constructor(root: string) {
    this.root = root
  }

  /** Opens the sandbox over `dir`, which must be an existing directory. */
  static async open(dir: string): Promise<RepositorySandbox> {
    const root = await realpath(dir)
    if (!(await stat(root)).isDirectory()) throw new Error(`${dir} is not a directory`)
    return new RepositorySandbox(root)
  }

  /** Checks a repository-relative path argument and returns it normalised ('' for the root). */
  checkPath(path: string): string {
    const text = path.trim()
    if (text.length > 1000) throw new ToolInputError('path is too long')
    if (/[\u0000-\u001f]/.test(text)) throw new ToolInputError('path contains control characters')
    if (text.startsWith('/') || text.startsWith('~') || /^[A-Za-z]:/.test(text)) {
      throw new ToolInputError(`"${text}" is absolute: give a path relative to the repository root`)
    }
    if (text.includes('\\')) throw new ToolInputError(`"${text}" contains a backslash: use / between directories`)
    const segments = text.split('/').filter((segment) => segment !== '' && segment !== '.')
    if (segments.includes('..')) throw new ToolInputError(`"${text}" leaves the repository (..): refused`)
    if (segments.some((segment) => segment.toLowerCase() === '.git')) {
      throw new ToolInputError(`"${text}" is inside .git, which the tools do not read`)
    }
    const normalised = segments.join('/')
    if (normalised.startsWith('-')) throw new ToolInputError(`"${text}" starts with "-": refused`)
    return normalised
  }

  /** True when `real` (a real path) is the root or inside it, outside `.git`. */
  contains(real: string): boolean {
    if (real === this.root) return true
    if (!real.startsWith(this.root + sep)) return false
    const first = real.slice(this.root.length + 1).split(sep)[0]
    return first?.toLowerCase() !== '.git'
  }

  /** Resolves an existing path inside the repository; refuses what does not exist or leads out. */
  async resolve(path: string): Promise<ResolvedPath> {
    const relative = this.checkPath(path)
    let real: string
    try {
      real = await realpath(join(this.root, relative))
    } catch {
      throw new ToolInputError(`"${relative}" does not exist in the working tree`)
    }
    if (!this.contains(real)) throw new ToolInputError(`"${relative}" leads outside the repository: refused`)
    const stats = await stat(real)
    const kind = stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other'
    const realRelative = relativePath(this.root, real).split(sep).join('/')
    return { relative, real, realRelative, kind, size: stats.size }
  }
}
