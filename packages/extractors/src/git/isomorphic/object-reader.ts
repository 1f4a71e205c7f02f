import { join } from 'node:path'
import { GitCommandError } from '@gitlore/core'
import { type CommitObject, parseCommitObject } from '../commit-object.js'
import { MissingObjectError } from '../missing-object-error.js'
import { BoundedCache } from './bounded-cache.js'
import { type GitObject, ObjectStore } from './object-store.js'

/** git's id of the empty tree, which git reads even when the store lacks it. */
const emptyTree = '4b825dc642cb6eb9a060e54bf8d69288fbee4904'

/** Byte budgets of the caches: what bounds the isomorphic backend's memory besides the history itself. */
const budgets = {
  deltaBases: 16 * 1024 * 1024,
  commits: 8 * 1024 * 1024,
  trees: 12 * 1024 * 1024,
  blobs: 8 * 1024 * 1024,
}

/**
 * Reads a repository's objects (`ObjectStore`), applying its replace refs as git does, with raw
 * trees and recently read blobs kept within byte budgets.
 */
export class ObjectReader {
  private readonly store: ObjectStore
  private readonly commits = new BoundedCache<Buffer>(budgets.commits, (commit) => commit.length + 64)
  private readonly trees = new BoundedCache<Buffer>(budgets.trees, (tree) => tree.length + 64)
  private readonly blobs = new BoundedCache<Buffer>(budgets.blobs, (blob) => blob.length + 64)

  /**
   * @param gitDir the git directory that holds the objects.
   * @param replacements replace refs (object -> replacement) to apply, as git does; empty for none.
   */
  constructor(
    gitDir: string,
    private readonly replacements: ReadonlyMap<string, string> = new Map(),
  ) {
    this.store = new ObjectStore(join(gitDir, 'objects'), { deltaBaseBudget: budgets.deltaBases })
  }

  /** An object's type and content (its replacement's, when a replace ref names it); `MissingObjectError` when absent. */
  read(named: string): GitObject {
    const oid = this.replaced(named)
    try {
      return this.store.read(oid)
    } catch (error) {
      if (oid === emptyTree && MissingObjectError.isInstance(error)) return { type: 'tree', content: Buffer.alloc(0) }
      throw error
    }
  }

  /** A commit, parsed; listing and reading the history both ask for each commit, so recent ones are kept. */
  commit(oid: string): CommitObject {
    return parseCommitObject(this.cached(this.commits, oid, 'commit'))
  }

  /** A tree object's raw bytes (walk them with `TreeCursor`). */
  tree(oid: string): Buffer {
    return this.cached(this.trees, oid, 'tree')
  }

  blob(oid: string): Buffer {
    return this.cached(this.blobs, oid, 'blob')
  }

  /** Closes the pack files. */
  close(): void {
    this.store.close()
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

  private cached(cache: BoundedCache<Buffer>, oid: string, type: string): Buffer {
    let content = cache.get(oid)
    if (content === undefined) {
      content = this.typed(oid, type)
      cache.set(oid, content)
    }
    return content
  }

  private typed(oid: string, type: string): Buffer {
    const object = this.read(oid)
    if (object.type !== type) throw new GitCommandError(`git object ${oid} is a ${object.type}, expected a ${type}`)
    return object.content
  }
}
