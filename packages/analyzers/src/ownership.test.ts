import { describe, expect, it } from 'vitest'
import { analyzeHistory } from './analyze-history.js'
import { makeCommit } from './make-commit.test-helper.js'

describe('ownership', () => {
  it('breaks main-author and bus-factor ties by identity', () => {
    const commits = ['carol', 'bob', 'alice', 'carol', 'bob', 'alice'].map((author) =>
      makeCommit({ author, files: ['a.ts'] }),
    )
    expect(analyzeHistory(commits).ownership).toEqual([
      // 2 + 2 commits out of 6 are more than half; 2 + 0 are not.
      { path: 'a.ts', mainAuthor: 'alice@example.com', mainAuthorShare: 0.3333, authors: 3, busFactor: 2 },
    ])
  })

  it('needs more than half, not exactly half', () => {
    const commits = ['bob', 'alice', 'bob', 'alice'].map((author) => makeCommit({ author, files: ['a.ts'] }))
    expect(analyzeHistory(commits).ownership[0]).toMatchObject({ busFactor: 2, mainAuthorShare: 0.5 })
    const skewed = ['bob', 'alice', 'bob', 'bob'].map((author) => makeCommit({ author, files: ['a.ts'] }))
    expect(analyzeHistory(skewed).ownership[0]).toMatchObject({ mainAuthor: 'bob@example.com', busFactor: 1 })
  })

  it('lists the top 20 hotspots, then top-level directories by distinct commits', () => {
    const files = Array.from({ length: 25 }, (_, index) => `lib/deep/f${String(index).padStart(2, '0')}.ts`)
    const commits = [
      ...files.map((path) => makeCommit({ author: 'alice', files: [path] })),
      makeCommit({ author: 'bob', files: ['src/a.ts', 'src/b/c.ts', 'README.md'] }),
      makeCommit({ author: 'carol', files: ['src/a.ts'] }),
      makeCommit({ author: 'carol', files: ['docs/x.md'] }),
      makeCommit({ author: 'carol', files: ['README.md'] }),
    ]
    const ownership = analyzeHistory(commits, { top: 0 }).ownership
    expect(ownership.slice(0, 3).map((entry) => entry.path)).toEqual(['README.md', 'src/a.ts', 'docs/x.md'])
    expect(ownership.slice(0, 20).every((entry) => !entry.path.endsWith('/'))).toBe(true)
    expect(ownership.slice(20)).toEqual([
      { path: 'lib/', mainAuthor: 'alice@example.com', mainAuthorShare: 1, authors: 1, busFactor: 1 },
      { path: 'src/', mainAuthor: 'bob@example.com', mainAuthorShare: 0.5, authors: 2, busFactor: 2 },
      { path: 'docs/', mainAuthor: 'carol@example.com', mainAuthorShare: 1, authors: 1, busFactor: 1 },
    ])
  })

  it('is empty for an empty history', () => {
    expect(analyzeHistory([]).ownership).toEqual([])
  })
})
