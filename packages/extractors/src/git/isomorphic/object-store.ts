import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import { inflateSync } from 'node:zlib'
import { GitCommandError } from '@gitlore/core'
import { MissingObjectError } from '../missing-object-error.js'
import { applyDelta } from './apply-delta.js'
import { BoundedCache } from './bounded-cache.js'
import { PackIndex } from './pack-index.js'

/** A git object's type and content. */
export interface GitObject {
  readonly type: string
  readonly content: Buffer
}

const typeNames = ['', 'commit', 'tree', 'blob', 'tag', '', 'ofs_delta', 'ref_delta']
const ofsDelta = 6
const refDelta = 7
/** git follows alternates this deep. */
const alternatesDepth = 5

interface Pack {
  readonly name: string
  /** A number unique to the pack within the store, for cache keys. */
  readonly serial: number
  readonly index: PackIndex
  readonly fd: number
}

interface ObjectDirectory {
  readonly path: string
  packs: Pack[]
  /** Names in each `xx/` directory of loose objects, listed once. */
  loose: Map<string, ReadonlySet<string>>
}

/** Closes the pack files of a store nobody holds any more (a backend has no close call). */
const openFiles = new FinalizationRegistry<number[]>((fds) => {
  for (const fd of fds.splice(0)) {
    try {
      closeSync(fd)
    } catch {
      // already closed
    }
  }
})

/** Options of `ObjectStore`. */
export interface ObjectStoreOptions {
  /** Bytes of resolved delta bases kept (git's `core.deltaBaseCacheLimit` is 96 MiB). */
  readonly deltaBaseBudget?: number
}

/**
 * Reads git objects from a repository's object directory (and its alternates) without isomorphic-git's
 * reader: pack indexes stay as their bytes (`PackIndex`), each object is one read of its exact bytes
 * from the pack file (never the whole pack in memory), zlib is Node's, and resolved delta bases are
 * kept within a byte budget. Loose directories are listed once, so a packed object costs no probe.
 * A miss looks again once (new packs, new loose objects) before `MissingObjectError`.
 */
export class ObjectStore {
  private directories: ObjectDirectory[]
  private readonly bases: BoundedCache<GitObject, number>
  private readonly fds: number[] = []

  constructor(
    private readonly objectsDir: string,
    options: ObjectStoreOptions = {},
  ) {
    this.bases = new BoundedCache(options.deltaBaseBudget ?? 64 * 1024 * 1024, (object) => object.content.length + 64)
    this.directories = this.open()
    openFiles.register(this, this.fds, this)
  }

  /** The object, or `MissingObjectError` when the store lacks it. */
  read(oid: string): GitObject {
    const id = Buffer.from(oid, 'hex')
    if (id.length !== 20) throw new GitCommandError(`not a git object id: ${oid}`)
    const found = this.lookup(oid, id)
    if (found !== null) return found
    this.refresh()
    return this.lookup(oid, id) ?? missing(oid)
  }

  /** Closes the pack files. */
  close(): void {
    openFiles.unregister(this)
    for (const fd of this.fds.splice(0)) closeSync(fd)
    this.directories = []
  }

  private lookup(oid: string, id: Buffer): GitObject | null {
    for (const directory of this.directories) {
      for (const pack of directory.packs) {
        const offset = pack.index.find(id)
        if (offset !== -1) return this.packed(pack, offset)
      }
      const loose = this.loose(directory, oid)
      if (loose !== null) return loose
    }
    return null
  }

  private packed(pack: Pack, offset: number): GitObject {
    // Walk down the delta chain to a cached or whole object, then apply the deltas back up.
    const deltas: { offset: number; delta: Buffer }[] = []
    let current = offset
    let base: GitObject | undefined
    for (;;) {
      base = this.bases.get(baseKey(pack, current))
      if (base !== undefined) break
      const entry = readEntry(pack, current)
      if (entry.type === ofsDelta || entry.type === refDelta) {
        deltas.push({ offset: current, delta: entry.data })
        if (entry.type === ofsDelta) current = entry.baseOffset
        else {
          const baseOid = entry.baseId.toString('hex')
          const inPack = pack.index.find(entry.baseId)
          if (inPack === -1) {
            base = this.read(baseOid)
            break
          }
          current = inPack
        }
        continue
      }
      base = { type: typeNames[entry.type] as string, content: entry.data }
      if (deltas.length > 0) this.bases.set(baseKey(pack, current), base)
      break
    }
    let object = base
    for (let index = deltas.length - 1; index >= 0; index--) {
      const step = deltas[index] as { offset: number; delta: Buffer }
      object = { type: object.type, content: applyDelta(step.delta, object.content) }
      if (index > 0) this.bases.set(baseKey(pack, step.offset), object)
    }
    return object
  }

  private loose(directory: ObjectDirectory, oid: string): GitObject | null {
    const prefix = oid.slice(0, 2)
    let names = directory.loose.get(prefix)
    if (names === undefined) {
      names = new Set(listDirectory(join(directory.path, prefix)))
      directory.loose.set(prefix, names)
    }
    if (!names.has(oid.slice(2))) return null
    const bytes = inflateSync(readFileSync(join(directory.path, prefix, oid.slice(2))))
    const space = bytes.indexOf(0x20)
    const nul = bytes.indexOf(0, space)
    if (space === -1 || nul === -1) throw new GitCommandError(`corrupt loose object ${oid}: run \`git fsck\``)
    // A copy, so the caches do not keep zlib's larger output buffer alive.
    return { type: bytes.toString('latin1', 0, space), content: owned(bytes.subarray(nul + 1)) }
  }

  private open(): ObjectDirectory[] {
    const directories: ObjectDirectory[] = []
    const visit = (path: string, depth: number) => {
      if (directories.some((directory) => directory.path === path) || !existsSync(path)) return
      const packs = openPacks(path)
      this.fds.push(...packs.map((pack) => pack.fd))
      directories.push({ path, packs, loose: new Map() })
      if (depth >= alternatesDepth) return
      for (const line of readText(join(path, 'info', 'alternates')).split('\n')) {
        const alternate = line.trim()
        if (alternate === '' || alternate.startsWith('#')) continue
        visit(isAbsolute(alternate) ? alternate : resolve(path, alternate), depth + 1)
      }
    }
    visit(this.objectsDir, 0)
    return directories
  }

  /** Forgets the loose listings and opens packs that appeared since (another process wrote objects). */
  private refresh(): void {
    for (const directory of this.directories) {
      directory.loose = new Map()
      const known = new Set(directory.packs.map((pack) => pack.name))
      const packs = openPacks(directory.path, known)
      this.fds.push(...packs.map((pack) => pack.fd))
      directory.packs.push(...packs)
    }
  }
}

/** A delta base's cache key: packs hold less than 2^40 bytes, so serial and offset fit one number. */
function baseKey(pack: Pack, offset: number): number {
  return pack.serial * 2 ** 40 + offset
}

let packSerial = 0

function missing(oid: string): never {
  throw new MissingObjectError(oid)
}

function listDirectory(path: string): string[] {
  try {
    return readdirSync(path)
  } catch {
    return []
  }
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return ''
  }
}

function openPacks(objectsDir: string, known: ReadonlySet<string> = new Set()): Pack[] {
  const packDir = join(objectsDir, 'pack')
  const packs: Pack[] = []
  for (const file of listDirectory(packDir).sort()) {
    if (!file.endsWith('.idx')) continue
    const name = join(packDir, file.slice(0, -'.idx'.length))
    if (known.has(name)) continue
    let fd: number
    try {
      fd = openSync(`${name}.pack`, 'r')
    } catch {
      continue // an index whose pack is gone (a repack in progress)
    }
    const index = new PackIndex(readFileSync(`${name}.idx`), fstatSync(fd).size, `${name}.idx`)
    packs.push({ name, serial: packSerial++, fd, index })
  }
  return packs
}

interface PackEntry {
  readonly type: number
  readonly data: Buffer
  readonly baseOffset: number
  readonly baseId: Buffer
}

const noId = Buffer.alloc(0)

/**
 * A buffer with memory of its own. Node hands out small buffers as slices of shared 8 KiB slabs, so
 * one small object kept in a cache would keep its whole slab (and every other slice of it) alive.
 */
function owned(buffer: Buffer): Buffer {
  if (buffer.length >= 4096 || buffer.byteOffset === 0) return buffer
  const copy = Buffer.allocUnsafeSlow(buffer.length)
  buffer.copy(copy)
  return copy
}

/** Compressed bytes are read here, then inflated into their own buffer (larger objects get a buffer of their own). */
const scratch = Buffer.allocUnsafe(1 << 20)

/** One pack entry: its type, its inflated data (a delta for delta types) and its base. */
function readEntry(pack: Pack, offset: number): PackEntry {
  const length = pack.index.end(offset) - offset
  const bytes = length > scratch.length ? Buffer.allocUnsafe(length) : scratch.subarray(0, length)
  if (readSync(pack.fd, bytes, 0, length, offset) !== length) {
    throw new GitCommandError(`cannot read ${pack.name}.pack at ${offset}: the pack is truncated`)
  }
  let at = 0
  let byte = bytes[at++] as number
  const type = (byte >> 4) & 7
  let size = byte & 15
  let scale = 16
  while (byte & 0x80) {
    byte = bytes[at++] as number
    size += (byte & 0x7f) * scale
    scale *= 128
  }
  let baseOffset = -1
  let baseId = noId
  if (type === ofsDelta) {
    byte = bytes[at++] as number
    let distance = byte & 0x7f
    while (byte & 0x80) {
      byte = bytes[at++] as number
      distance = (distance + 1) * 128 + (byte & 0x7f)
    }
    baseOffset = offset - distance
  } else if (type === refDelta) {
    baseId = Buffer.from(bytes.subarray(at, at + 20))
    at += 20
  }
  // An output buffer of exactly the known size: Node's default (16 KiB) would stay behind every
  // small object the caches keep, as the buffer its result is a slice of.
  const inflated = inflateSync(bytes.subarray(at), { chunkSize: Math.max(64, size + 1) })
  if (inflated.length !== size) {
    throw new GitCommandError(`corrupt object in ${pack.name}.pack at ${offset}: run \`git fsck\``)
  }
  return { type, data: owned(inflated), baseOffset, baseId }
}
