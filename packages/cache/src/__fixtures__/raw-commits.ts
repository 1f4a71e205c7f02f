import { createHash } from 'node:crypto'
import type { RawCommit } from '@gitlore/core'

/** A deterministic 40-hex sha for test commit number `index`. */
export function testSha(index: number): string {
  return createHash('sha1').update(`commit ${index}`).digest('hex')
}

/** A plausible commit with a few files, different for every `index`. */
export function makeCommit(index: number, overrides: Partial<RawCommit> = {}): RawCommit {
  const date = new Date(Date.UTC(2024, 0, 1) + index * 60_000).toISOString()
  return {
    sha: testSha(index),
    parents: index === 0 ? [] : [testSha(index - 1)],
    author: { name: `Author ${index % 7}`, email: `author${index % 7}@example.com` },
    authoredAt: date,
    committedAt: date,
    subject: `feat(area${index % 5}): change number ${index}`,
    body: index % 3 === 0 ? '' : `Longer explanation of change ${index}.\n\nCo-authored-by: Someone <s@example.com>`,
    files: Array.from({ length: (index % 4) + 1 }, (_, file) => ({
      path: `src/module${(index + file) % 50}/file${file}.ts`,
      added: (index * 7 + file) % 120,
      removed: (index * 3 + file) % 40,
      status: file === 0 && index % 10 === 0 ? ('added' as const) : ('modified' as const),
      binary: false,
    })),
    submoduleEntries: 0,
    ...overrides,
  }
}

/** `count` commits numbered from `start`. */
export function makeCommits(count: number, start = 0): RawCommit[] {
  return Array.from({ length: count }, (_, offset) => makeCommit(start + offset))
}
