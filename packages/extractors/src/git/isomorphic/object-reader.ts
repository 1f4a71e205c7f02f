import { GitCommandError } from '@gitlore/core'
import { type CommitObject, parseCommitObject } from '../commit-object.js'
import { decodeLossy, isAscii } from '../decode.js'
import { MissingObjectError } from '../missing-object-error.js'
import { DeltaBaseCache } from './delta-base-cache.js'
import { loadIsomorphicGit } from './load-isomorphic-git.js'
import { createObjectFs, type ObjectFs } from './object-fs.js'

/** One entry of a tree object. */
export interface TreeEntry {
  /** The name's bytes as a latin1 string (one character per byte). */
  readonly key: string
  /** The name as git orders entries: a tree's name sorts as if it ended in `/`. */
  readonly order: string
  /** The name decoded from UTF-8 with invalid bytes replaced. */
  readonly name: string
  /** git's canonical mode: 0o40000, 0o100644, 0o100755, 0o120000 or 0o160000. */
  readonly mode: number
  readonly oid: string
}

export const treeMode = 0o40000
export const gitlinkMode = 0o160000

/** git's `canon_mode`: the file modes git compares, whatever a tree object spells. */
function canonicalMode(mode: number): number {
  const type = mode & 0o170000
  if (type === 0o100000) return 0o100000 | (mode & 0o100 ? 0o755 : 0o644)
  if (type === 0o120000 || type === treeMode) return type
  return gitlinkMode
}

function parseTree(content: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = []
  let start = 0
  while (start < content.length) {
    const space = content.indexOf(0x20, start)
    const nul = content.indexOf(0, space + 1)
    if (space === -1 || nul === -1 || nul + 21 > content.length) throw new GitCommandError('corrupt tree object')
    const mode = canonicalMode(Number.parseInt(content.toString('latin1', start, space), 8))
    const key = content.toString('latin1', space + 1, nul)
    entries.push({
      key,
      order: mode === treeMode ? `${key}/` : key,
      name: isAscii(key) ? key : decodeLossy(content.subarray(space + 1, nul)),
      mode,
      oid: content.toString('hex', nul + 1, nul + 21),
    })
    start = nul + 21
  }
  return entries
}

/**
 * A map that keeps recent entries within a budget, in two generations: when the young one fills
 * half the budget, the old one is dropped and the young one becomes old. Hits in the old
 * generation move back to the young one.
 */
class Recent<T> {
  private young = new Map<string, T>()
  private old = new Map<string, T>()
  private used = 0

  constructor(
    private readonly budget: number,
    private readonly cost: (value: T) => number,
  ) {}

  get(key: string): T | undefined {
    const value = this.young.get(key)
    if (value !== undefined) return value
    const aged = this.old.get(key)
    if (aged !== undefined) this.set(key, aged)
    return aged
  }

  set(key: string, value: T): void {
    if (this.young.has(key)) return
    this.young.set(key, value)
    this.used += this.cost(value)
    if (this.used > this.budget / 2) {
      this.old = this.young
      this.young = new Map()
      this.used = 0
    }
  }
}

/**
 * Reads objects through isomorphic-git with one shared cache (pack indexes and packs stay loaded),
 * the object-aware file system, memoised trees and recently read blobs.
 */
export class ObjectReader {
  /** The file-system client handed to isomorphic-git, also for refs and config. */
  readonly client: ObjectFs
  private readonly cache: object = {}
  private readonly deltaBases = new DeltaBaseCache(this.cache)
  private readonly trees = new Recent<readonly TreeEntry[]>(200_000, (entries) => entries.length + 1)
  private readonly blobs = new Recent<Buffer>(64 * 1024 * 1024, (blob) => blob.length + 64)

  /**
   * @param gitDir the git directory that holds the objects.
   * @param replacements replace refs (object -> replacement) to apply, as git does; empty for none.
   */
  constructor(
    private readonly gitDir: string,
    private readonly replacements: ReadonlyMap<string, string> = new Map(),
  ) {
    this.client = createObjectFs(gitDir)
  }

  /**
   * An object's content and type (its replacement's, when a replace ref names it); on a miss, looks
   * again once with fresh directory listings, then throws `MissingObjectError`.
   */
  async read(named: string): Promise<{ type: string; content: Buffer }> {
    const oid = this.replaced(named)
    for (let attempt = 0; ; attempt++) {
      try {
        await this.deltaBases.beforeRead()
        const { readObject } = await loadIsomorphicGit()
        const result = await readObject({
          fs: this.client,
          gitdir: this.gitDir,
          oid,
          format: 'content',
          cache: this.cache,
        })
        const content = result.object as Uint8Array
        return {
          type: result.type as string,
          content: Buffer.isBuffer(content) ? content : Buffer.from(content.buffer, content.byteOffset, content.length),
        }
      } catch (error) {
        if ((error as { code?: string }).code === 'NotFoundError') {
          if (attempt === 0) {
            this.client.invalidate()
            continue
          }
          throw new MissingObjectError(oid, { cause: error })
        }
        throw new GitCommandError(`cannot read git object ${oid}: ${(error as Error).message}`, { cause: error })
      }
    }
  }

  /** git's `lookup_replace_object`: follows replace refs, at most five deep. */
  private replaced(oid: string): string {
    let current = oid
    for (let depth = 0; depth < 5; depth++) {
      const next = this.replacements.get(current)
      if (next === undefined) return current
      current = next
    }
    if (this.replacements.has(current)) throw new GitCommandError(`replace depth too high for object ${oid}`)
    return current
  }

  private async typed(oid: string, type: string): Promise<Buffer> {
    const object = await this.read(oid)
    if (object.type !== type) throw new GitCommandError(`git object ${oid} is a ${object.type}, expected a ${type}`)
    return object.content
  }

  async commit(oid: string): Promise<CommitObject> {
    return parseCommitObject(await this.typed(oid, 'commit'))
  }

  async tree(oid: string): Promise<readonly TreeEntry[]> {
    let entries = this.trees.get(oid)
    if (entries === undefined) {
      entries = parseTree(await this.typed(oid, 'tree'))
      this.trees.set(oid, entries)
    }
    return entries
  }

  async blob(oid: string): Promise<Buffer> {
    let blob = this.blobs.get(oid)
    if (blob === undefined) {
      blob = await this.typed(oid, 'blob')
      this.blobs.set(oid, blob)
    }
    return blob
  }
}
