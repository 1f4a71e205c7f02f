import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildPartialCloneFixture, buildTeamFixture, git, RepoBuilder, teamPeople } from '@gitlore/fixtures'
import { describe, expect, it } from 'vitest'
import { readHeadFiles } from './read-head-files.js'

describe('readHeadFiles', () => {
  it('lists HEAD and samples the start and end of regular files, with every .gitattributes', async () => {
    const { dir } = await buildTeamFixture()
    const head = await readHeadFiles({ dir })
    expect(head.paths).toContain('src/legacy.ts')
    expect(head.paths).not.toContain('docs/old-notes.md')
    expect(head.attributes.get('.gitattributes')).toContain('gen/** linguist-generated')
    expect(head.samples.get('src/version.js')?.start).toMatch(/^\/\/ generated during release/)
    expect(head.samples.get('web/bundle.js')).toEqual({ start: expect.stringContaining('bundle 0'), end: '' })
  })

  it('reads only regular files, only their ends, and nothing past the size limits', async () => {
    const big = `${'a'.repeat(3000)}\n//# sourceMappingURL=big.js.map\n`
    const builder = new RepoBuilder()
    builder.commit({
      author: teamPeople.stays,
      date: '2025-01-01T00:00:00Z',
      message: 'Add files\n',
      files: { 'big.js': big, 'small.txt': 'small\n', 'huge.txt': 'h'.repeat(5000) },
      symlinks: { 'link.txt': '/etc/passwd' },
      submodules: { 'vendor/lib': '1'.repeat(40) },
    })
    const dir = await builder.build()
    const head = await readHeadFiles({ dir, maxFileBytes: 4000 })
    expect([...head.paths].sort()).toEqual(['big.js', 'huge.txt', 'link.txt', 'small.txt', 'vendor/lib'])
    expect(head.samples.get('big.js')?.start).toHaveLength(1024)
    expect(head.samples.get('big.js')?.end).toHaveLength(512)
    expect(head.samples.get('big.js')?.end).toMatch(/sourceMappingURL=big\.js\.map\n$/)
    expect(head.samples.get('small.txt')).toEqual({ start: 'small\n', end: '' })
    expect(head.samples.has('huge.txt')).toBe(false)
    expect(head.samples.has('link.txt')).toBe(false)
    expect(head.samples.has('vendor/lib')).toBe(false)
    const budgeted = await readHeadFiles({ dir, maxTotalBytes: 3100 })
    expect([...budgeted.samples.keys()].sort()).toEqual(['big.js', 'small.txt'])
  })

  it('lists the tree of a partial clone without fetching the blobs it lacks, sampling the ones it has', async () => {
    const { complete } = await buildPartialCloneFixture()
    const dir = join(await mkdtemp(join(tmpdir(), 'gitlore-blobless-')), 'repo.git')
    await git(complete, ['clone', '--quiet', '--bare', '--filter=blob:none', `file://${complete}`, dir])
    const missing = async () =>
      (await git(dir, ['rev-list', '--objects', '--missing=print', '--all'], { GIT_NO_LAZY_FETCH: '1' }))
        .split('\n')
        .filter((line) => line.startsWith('?')).length
    const before = await missing()
    expect(before).toBeGreaterThan(0)
    const head = await readHeadFiles({ dir })
    expect([...head.paths].sort()).toEqual(['docs/a.md', 'docs/b.md', 'other.txt', 'small.txt'])
    expect(head.samples.size).toBe(0)
    expect(await missing()).toBe(before)
  })
})
