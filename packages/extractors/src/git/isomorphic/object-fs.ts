import { promises as fs } from 'node:fs'
import { join } from 'node:path'

/** A file-system client for isomorphic-git, with the promise methods it calls. */
export interface ObjectFs {
  readonly promises: {
    readFile(path: string, options?: unknown): Promise<Buffer | string>
    writeFile(path: string, data: Uint8Array | string, options?: unknown): Promise<void>
    unlink(path: string): Promise<void>
    readdir(path: string): Promise<string[]>
    mkdir(path: string, options?: unknown): Promise<unknown>
    rmdir(path: string): Promise<void>
    stat(path: string): Promise<unknown>
    lstat(path: string): Promise<unknown>
    readlink(path: string): Promise<string>
    symlink(target: string, path: string): Promise<void>
    chmod(path: string, mode: number): Promise<void>
  }
  /** Forgets what it learnt about the object directory (after another process wrote objects). */
  invalidate(): void
}

const absent = Object.assign(new Error('ENOENT: no such loose object'), { code: 'ENOENT' })
const looseObject = /^([0-9a-f]{2})\/([0-9a-f]{38,62})$/

/**
 * A file system for isomorphic-git that knows the object directory. isomorphic-git looks for every
 * object as a loose file before its packs and lists the pack directory on every read; this client
 * lists each `objects/xx/` directory once and answers "absent" from memory, and remembers the pack
 * listing and the git directory's stat, so reading a packed object costs no system call.
 */
export function createObjectFs(gitDir: string): ObjectFs {
  const objectsDir = join(gitDir, 'objects')
  const prefix = `${objectsDir}/`
  let looseDirs = new Map<string, Promise<Set<string>>>()
  let listings = new Map<string, Promise<string[]>>()
  let stats = new Map<string, Promise<unknown>>()

  const looseNames = (dir: string): Promise<Set<string>> => {
    let names = looseDirs.get(dir)
    if (names === undefined) {
      names = fs.readdir(join(objectsDir, dir)).then(
        (entries) => new Set(entries),
        () => new Set<string>(),
      )
      looseDirs.set(dir, names)
    }
    return names
  }

  return {
    promises: {
      readFile(path: string, options?: unknown): Promise<Buffer | string> {
        if (typeof path !== 'string') return Promise.reject(absent)
        const loose = path.startsWith(prefix) ? looseObject.exec(path.slice(prefix.length)) : null
        if (loose === null) return fs.readFile(path, options as undefined)
        const [, dir, name] = loose as unknown as [string, string, string]
        return looseNames(dir).then((names) => (names.has(name) ? fs.readFile(path) : Promise.reject(absent)))
      },
      readdir(path: string): Promise<string[]> {
        if (!path.startsWith(objectsDir)) return fs.readdir(path)
        let listing = listings.get(path)
        if (listing === undefined) {
          listing = fs.readdir(path)
          listing.catch(() => listings.delete(path))
          listings.set(path, listing)
        }
        return listing
      },
      stat(path: string): Promise<unknown> {
        if (path !== gitDir) return fs.stat(path)
        let info = stats.get(path)
        if (info === undefined) {
          info = fs.stat(path)
          stats.set(path, info)
        }
        return info
      },
      writeFile: (path, data, options) => fs.writeFile(path, data, options as undefined),
      unlink: (path) => fs.unlink(path),
      mkdir: (path, options) => fs.mkdir(path, options as undefined),
      rmdir: (path) => fs.rmdir(path),
      lstat: (path) => fs.lstat(path),
      readlink: (path) => fs.readlink(path),
      symlink: (target, path) => fs.symlink(target, path),
      chmod: (path, mode) => fs.chmod(path, mode),
    },
    invalidate(): void {
      looseDirs = new Map()
      listings = new Map()
      stats = new Map()
    },
  }
}
