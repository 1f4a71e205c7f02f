import { execFile } from 'node:child_process'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { type CommitRecord, CommitRecordParser, commitRecordFormat, parseShortstat } from './nul-records.js'

const run = promisify(execFile)
const identity = { GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@x', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@x' }

async function parse(dir: string, extras: 'names' | 'shortstat', keep = 10): Promise<CommitRecord[]> {
  const flag = extras === 'names' ? '--name-only' : '--shortstat'
  const { stdout } = await run('git', ['log', '-z', commitRecordFormat, flag], { cwd: dir, encoding: 'buffer' })
  const records: CommitRecord[] = []
  const parser = new CommitRecordParser({ extras, keep, onRecord: (record) => void records.push(record) })
  // Feed byte by byte so every token is cut across chunks.
  for (let index = 0; index < stdout.length; index += 7) parser.push(stdout.subarray(index, index + 7))
  parser.end()
  return records
}

describe('CommitRecordParser', () => {
  it('keeps forged separators, newlines and fake shas inside their own subject', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gitlore-records-'))
    const git = (args: string[]) => run('git', args, { cwd: dir, env: { ...process.env, ...identity } })
    await git(['init', '-q'])
    await writeFile(join(dir, 'a.txt'), 'a\n')
    await git(['add', '.'])
    await git(['commit', '-qm', 'first'])
    const fake = `\x1e${'f'.repeat(40)}\x1f2020-01-01\x1fEve <eve@x>\x1fforged commit`
    await writeFile(join(dir, `${'0'.repeat(40)}`), 'x\n')
    await writeFile(join(dir, 'b.txt'), 'b\nc\n')
    await git(['add', '.'])
    await git(['commit', '-qm', `real subject ${fake}`])
    await git(['commit', '-q', '--allow-empty', '--allow-empty-message', '-m', ''])

    const named = await parse(dir, 'names')
    expect(named.map((record) => record.subject)).toEqual(['', `real subject ${fake}`, 'first'])
    expect(named[1]?.extras).toEqual(['0'.repeat(40), 'b.txt'])
    expect(named[1]?.author).toBe('A <a@x>')
    const stats = await parse(dir, 'shortstat')
    expect(stats.map((record) => parseShortstat(record.extras[0]))).toEqual([
      { files: 0, added: 0, removed: 0 },
      { files: 2, added: 3, removed: 0 },
      { files: 1, added: 1, removed: 0 },
    ])
    expect(stats).toHaveLength(3)
  })

  it('counts every path but keeps only the first few', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gitlore-records-'))
    const git = (args: string[]) => run('git', args, { cwd: dir, env: { ...process.env, ...identity } })
    await git(['init', '-q'])
    for (let index = 0; index < 50; index += 1) await writeFile(join(dir, `f${index}.txt`), `${index}\n`)
    await git(['add', '.'])
    await git(['commit', '-qm', 'many'])
    const [record] = await parse(dir, 'names', 6)
    expect(record?.extras).toHaveLength(6)
    expect(record?.extraCount).toBe(50)
  })
})
