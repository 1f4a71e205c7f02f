import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { isolatedGitEnv, seededRandom } from '@gitlore/fixtures'
import { describe, expect, it } from 'vitest'
import { countLineChanges, countLines, isBinary } from './line-changes.js'

const execFileAsync = promisify(execFile)

interface Case {
  readonly before: string
  readonly after: string
}

/**
 * Pairs of file versions: small edits, heavy rewrites, repetitive lines, missing final newlines,
 * and cases where git's diff is not minimal (a minimal LCS diff would count fewer lines).
 */
function generateCases(): Case[] {
  const next = seededRandom(7)
  const cases: Case[] = [
    { before: 'a\nb\nc', after: 'a\nb\nc\n' },
    { before: 'a\nb\nc\n', after: 'a\nb\nc' },
    { before: 'x\r\ny\r\n', after: 'x\ny\r\n' },
    { before: '\n\n\n', after: '\n\n' },
    { before: 'same\n', after: 'same\n' },
    // A line with many matches amid unmatched lines: git discards it, so it reports 20/9, not 19/8.
    { before: 'a1\na2\na3\na4\n}\na5\na6\na7\na8\n', after: '}\n'.repeat(20) },
  ]
  // Shuffled blocks of a big file: the edit cost passes git's limit and its heuristics pick the split.
  for (let serial = 0; serial < 4; serial++) {
    const lines = Array.from({ length: 3000 }, (_, index) => `line ${index}\n`)
    const blocks: string[][] = []
    for (let at = 0; at < lines.length; at += 25 + serial * 10) blocks.push(lines.slice(at, at + 25 + serial * 10))
    for (let index = blocks.length - 1; index > 0; index--) {
      const other = Math.floor(next() * (index + 1))
      ;[blocks[index], blocks[other]] = [blocks[other] as string[], blocks[index] as string[]]
    }
    cases.push({ before: lines.join(''), after: blocks.flat().join('') })
  }
  const vocabularies = [
    (index: number) => `line ${index}`,
    (index: number) => ['}', '', '  return x', '{', `code ${index % 7}`][index % 5] as string,
    (index: number) => `${index % 3}`,
  ]
  for (let serial = 0; serial < 120; serial++) {
    const vocabulary = vocabularies[serial % vocabularies.length] as (index: number) => string
    const size = serial % 10 === 0 ? 1500 + Math.floor(next() * 1500) : 1 + Math.floor(next() * 200)
    const before = Array.from({ length: size }, (_, index) => vocabulary(Math.floor(next() * size * 2) + index))
    const after = [...before]
    const edits = serial % 10 === 0 ? Math.floor(size * next()) : 1 + Math.floor(next() * 12)
    for (let edit = 0; edit < edits; edit++) {
      const at = Math.floor(next() * (after.length + 1))
      const roll = next()
      if (roll < 0.4) after.splice(at, 1)
      else if (roll < 0.8) after.splice(at, 0, vocabulary(Math.floor(next() * 1000)))
      else after.splice(at, 1, `changed ${edit}`)
    }
    const ending = (lines: string[]) => `${lines.join('\n')}${next() < 0.8 ? '\n' : ''}`
    cases.push({ before: ending(before), after: ending(after) })
  }
  return cases
}

/** Runs `git diff --no-index --numstat` over two directories holding all the cases at once. */
async function gitCounts(cases: readonly Case[]): Promise<Map<string, string>> {
  const root = await mkdtemp(join(tmpdir(), 'gitlore-line-changes-'))
  await mkdir(join(root, 'a'))
  await mkdir(join(root, 'b'))
  await Promise.all(
    cases.flatMap((pair, index) => [
      writeFile(join(root, 'a', `case${index}`), pair.before),
      writeFile(join(root, 'b', `case${index}`), pair.after),
    ]),
  )
  const result = await execFileAsync('git', ['diff', '--no-index', '--numstat', 'a', 'b'], {
    cwd: root,
    env: isolatedGitEnv(),
    maxBuffer: 1 << 26,
  }).catch((error: { stdout: string }) => error) // exit code 1 means "differences found"
  const counts = new Map<string, string>()
  for (const line of result.stdout.split('\n')) {
    const match = /^(\d+)\t(\d+)\t.*case(\d+)/.exec(line)
    if (match) counts.set(`case${match[3]}`, `${match[1]} ${match[2]}`)
  }
  return counts
}

describe('countLineChanges', () => {
  it("equals git's numstat on generated edits, rewrites and repetitive files", async () => {
    const cases = generateCases()
    const expected = await gitCounts(cases)
    const mismatches: string[] = []
    cases.forEach((pair, index) => {
      const { added, removed } = countLineChanges(Buffer.from(pair.before), Buffer.from(pair.after))
      const want = expected.get(`case${index}`) ?? '0 0'
      if (`${added} ${removed}` !== want) mismatches.push(`case${index}: got ${added} ${removed}, git ${want}`)
    })
    expect(mismatches).toEqual([])
  })

  it('counts a last line without a newline as a line', () => {
    expect(countLines(Buffer.from(''))).toBe(0)
    expect(countLines(Buffer.from('a'))).toBe(1)
    expect(countLines(Buffer.from('a\nb'))).toBe(2)
    expect(countLines(Buffer.from('a\nb\n'))).toBe(2)
  })

  it("treats content as binary by git's rule: a NUL byte in the first 8000 bytes", () => {
    expect(isBinary(Buffer.from('text\n'))).toBe(false)
    expect(isBinary(Buffer.from([0x89, 0x50, 0, 1]))).toBe(true)
    expect(isBinary(Buffer.concat([Buffer.alloc(8000, 0x61), Buffer.from([0])]))).toBe(false)
  })
})
