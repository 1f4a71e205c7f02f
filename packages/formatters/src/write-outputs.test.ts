import * as fs from 'node:fs/promises'
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import type { OutputFormat } from '@gitlore/core'
import { GitloreError, UsageError } from '@gitlore/core'
import { repositoryContext } from '@gitlore/fixtures'
import { describe, expect, it, vi } from 'vitest'
import { realisticReportInput } from './__fixtures__/report-input.js'
import { ManagedBlockError } from './errors/managed-block-error.js'
import { OutputWriteError } from './errors/output-write-error.js'
import type { ReportInput } from './formatter.js'
import { supportedFormats } from './formatter.js'
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
    expect((error as OutputWriteError).message).toContain(
      `cannot write ${join(dir, 'gitlore-report.md')}: no space left on the device; `,
    )
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

  it('refuses an unknown format before writing anything', async () => {
    const dir = await outputDirectory()
    const formats = ['report', 'pdf'] as unknown as OutputFormat[]
    const error = await writeOutputs(input(12), { formats, dir }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(UsageError)
    expect((error as UsageError).message).toBe(
      'unknown output format "pdf"; available: report, html, xml, json, claude_md, agents_md, cursor_rules, copilot',
    )
    expect(await readdir(dir)).toEqual([])
  })
  it('writes every format where ARCHITECTURE.md puts it', async () => {
    const dir = await outputDirectory()
    const outputs = await writeOutputs(realisticReportInput(), { formats: supportedFormats, dir })
    expect(outputs.map((output) => relative(dir, output.path))).toEqual([
      'gitlore-report.md',
      'gitlore-report.html',
      'findings.xml',
      'findings.json',
      'CLAUDE.md',
      'AGENTS.md',
      join('.cursor', 'rules', 'gitlore.mdc'),
      join('.github', 'copilot-instructions.md'),
    ])
    for (const output of outputs) expect(await readFile(output.path, 'utf8')).toBe(output.content)
  })

  it('keeps hand-written text in the assistant files and replaces only their gitlore section', async () => {
    const dir = await outputDirectory()
    const above = '# Team rules\n\nUse tabs.   \n\n'
    const below = '\n## Also\n\nNever push on Fridays.\n'
    await writeFile(
      join(dir, 'CLAUDE.md'),
      `${above}<!-- gitlore:begin -->\nold guidance\n<!-- gitlore:end -->${below}`,
    )
    await writeFile(join(dir, 'AGENTS.md'), '# Agents\n\nRun pnpm test.\n')
    const formats = ['claude_md', 'agents_md'] as const
    const input = realisticReportInput()
    await writeOutputs(input, { formats, dir })
    const claude = await readFile(join(dir, 'CLAUDE.md'), 'utf8')
    expect(claude.startsWith(`${above}<!-- gitlore:begin -->\n## What this repository's history teaches\n`)).toBe(true)
    expect(claude.endsWith(`\n<!-- gitlore:end -->${below}`)).toBe(true)
    expect(claude).not.toContain('old guidance')
    const agents = await readFile(join(dir, 'AGENTS.md'), 'utf8')
    expect(agents.startsWith('# Agents\n\nRun pnpm test.\n\n<!-- gitlore:begin -->\n')).toBe(true)

    // A second run with other findings replaces the section and nothing else.
    await writeOutputs({ ...input, findings: input.findings.slice(0, 1) }, { formats, dir })
    const again = await readFile(join(dir, 'CLAUDE.md'), 'utf8')
    expect(again.startsWith(above) && again.endsWith(below)).toBe(true)
    expect(again).toContain(input.findings[0]?.title)
    expect(again).not.toContain(input.findings[1]?.title)
    expect(await readFile(join(dir, 'AGENTS.md'), 'utf8')).toContain(
      '# Agents\n\nRun pnpm test.\n\n<!-- gitlore:begin -->',
    )
  })

  it('writes nothing when an assistant file has broken markers', async () => {
    const dir = await outputDirectory()
    const broken = 'a\n<!-- gitlore:begin -->\nb\n<!-- gitlore:begin -->\n'
    await writeFile(join(dir, 'AGENTS.md'), broken)
    const error = await writeOutputs(input(12), { formats: ['report', 'agents_md', 'html'], dir }).catch(
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(ManagedBlockError)
    expect((error as ManagedBlockError).message).toContain('AGENTS.md has more than one gitlore section')
    expect(await readdir(dir)).toEqual(['AGENTS.md'])
    expect(await readFile(join(dir, 'AGENTS.md'), 'utf8')).toBe(broken)
  })

  it('shows the merged assistant file on a dry run without writing it', async () => {
    const dir = await outputDirectory()
    await writeFile(join(dir, 'CLAUDE.md'), 'Mine.\n')
    const [output] = await writeOutputs(input(12), { formats: ['claude_md'], dir, dryRun: true })
    expect(output?.content.startsWith('Mine.\n\n<!-- gitlore:begin -->\n')).toBe(true)
    expect(await readFile(join(dir, 'CLAUDE.md'), 'utf8')).toBe('Mine.\n')
  })

  it('leaves an assistant file that is not UTF-8 alone', async () => {
    const dir = await outputDirectory()
    const latin1 = Buffer.from('Caf\xe9 rules\n', 'latin1')
    await writeFile(join(dir, 'CLAUDE.md'), latin1)
    await expect(writeOutputs(input(12), { formats: ['claude_md'], dir })).rejects.toMatchObject({
      code: 'output_not_utf8',
    })
    expect(await readFile(join(dir, 'CLAUDE.md'))).toEqual(latin1)
  })

  it('leaves the previous assistant file intact when its write fails halfway', async () => {
    const dir = await outputDirectory()
    await writeFile(join(dir, 'CLAUDE.md'), 'Mine.\n')
    const actual = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises')
    vi.mocked(fs.writeFile).mockImplementationOnce(async (path, data) => {
      await actual.writeFile(path, String(data).slice(0, 10))
      throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' })
    })
    await expect(writeOutputs(input(12), { formats: ['claude_md'], dir })).rejects.toBeInstanceOf(OutputWriteError)
    expect(await readFile(join(dir, 'CLAUDE.md'), 'utf8')).toBe('Mine.\n')
    expect(await readdir(dir)).toEqual(['CLAUDE.md'])
  })
})
