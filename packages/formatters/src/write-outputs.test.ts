import * as fs from 'node:fs/promises'
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GitloreError, UsageError } from '@gitlore/core'
import { describe, expect, it, vi } from 'vitest'
import { repositoryContext } from './__fixtures__/repository-context.js'
import { OutputWriteError } from './errors/output-write-error.js'
import type { ReportInput } from './formatter.js'
import { writeOutputs } from './write-outputs.js'

// The real file system, with a hook to make one write fail halfway (a full disk, a crash).
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>()
  return { ...actual, writeFile: vi.fn(actual.writeFile) }
})

function input(commits: number): ReportInput {
  return {
    context: repositoryContext({ commits: { total: commits, merges: 0, authors: 2 } }),
    findings: [],
    synthesizer: 'offline',
    generatedAt: '2024-04-01T12:00:00.000Z',
  }
}

async function outputDirectory(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'gitlore-outputs-'))
}

describe('writeOutputs', () => {
  it('writes the report into the directory and says what it wrote', async () => {
    const dir = await outputDirectory()
    const outputs = await writeOutputs(input(12), { formats: ['report', 'report'], dir })
    expect(outputs).toHaveLength(1)
    expect(outputs[0]).toMatchObject({ format: 'report', path: join(dir, 'gitlore-report.md'), written: true })
    expect(await readFile(join(dir, 'gitlore-report.md'), 'utf8')).toBe(outputs[0]?.content)
    expect(outputs[0]?.content).toContain('Commits analysed: 12 non-merge commits')
  })

  it('renders without writing on a dry run', async () => {
    const dir = await outputDirectory()
    const outputs = await writeOutputs(input(12), { formats: ['report'], dir, dryRun: true })
    expect(outputs[0]).toMatchObject({ written: false, path: join(dir, 'gitlore-report.md') })
    expect(outputs[0]?.content).toContain('# gitlore report: acme/widgets')
    expect(await readdir(dir)).toEqual([])
  })

  it('leaves the previous report intact when a write fails halfway', async () => {
    const dir = await outputDirectory()
    await writeOutputs(input(12), { formats: ['report'], dir })
    const before = await readFile(join(dir, 'gitlore-report.md'), 'utf8')
    const actual = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises')
    vi.mocked(fs.writeFile).mockImplementationOnce(async (path, data) => {
      await actual.writeFile(path, String(data).slice(0, 40))
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
    })
    const error = await writeOutputs(input(99), { formats: ['report'], dir }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(OutputWriteError)
    expect(GitloreError.isInstance(error)).toBe(true)
    expect((error as OutputWriteError).message).toContain(`could not write ${join(dir, 'gitlore-report.md')}: ENOSPC`)
    expect(await readFile(join(dir, 'gitlore-report.md'), 'utf8')).toBe(before)
    expect(await readdir(dir)).toEqual(['gitlore-report.md'])
  })

  it('fails with the path when the output directory cannot exist', async () => {
    const parent = await outputDirectory()
    await writeFile(join(parent, 'not-a-directory'), 'a file')
    const dir = join(parent, 'not-a-directory', 'out')
    await expect(writeOutputs(input(12), { formats: ['report'], dir })).rejects.toMatchObject({
      code: 'output_write_failed',
      path: join(dir, 'gitlore-report.md'),
    })
    expect(await readFile(join(parent, 'not-a-directory'), 'utf8')).toBe('a file')
  })

  it('refuses a format it cannot render before writing anything', async () => {
    const dir = await outputDirectory()
    const error = await writeOutputs(input(12), { formats: ['report', 'html'], dir }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(UsageError)
    expect((error as UsageError).message).toBe('output format "html" is not available yet; available: report')
    expect(await readdir(dir)).toEqual([])
  })
})
