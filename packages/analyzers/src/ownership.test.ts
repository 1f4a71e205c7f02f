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
      { path: 'a.ts', commits: 6, mainAuthor: 'alice@example.com', mainAuthorShare: 0.3333, authors: 3, busFactor: 2 },
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
      { path: 'lib/', commits: 25, mainAuthor: 'alice@example.com', mainAuthorShare: 1, authors: 1, busFactor: 1 },
      { path: 'src/', commits: 2, mainAuthor: 'bob@example.com', mainAuthorShare: 0.5, authors: 2, busFactor: 2 },
      { path: 'docs/', commits: 1, mainAuthor: 'carol@example.com', mainAuthorShare: 1, authors: 1, busFactor: 1 },
    ])
  })

  it('leaves out bots, release commits and generated files unless asked to include them', () => {
    const bot = { name: 'renovate[bot]', email: '29139614+renovate[bot]@users.noreply.github.com' }
    const commits = [
      ...Array.from({ length: 4 }, () => makeCommit({ author: bot, files: ['src/a.ts', 'pnpm-lock.yaml'] })),
      makeCommit({ author: 'alice', subject: 'Version Packages', files: ['src/a.ts'] }),
      makeCommit({ author: 'bob', files: ['src/a.ts', 'pnpm-lock.yaml'] }),
      makeCommit({ author: 'carol', files: ['pnpm-lock.yaml'] }),
    ]
    const owners = (options = {}) =>
      analyzeHistory(commits, options).ownership.map(({ path, commits: count, mainAuthor }) => [
        path,
        count,
        mainAuthor,
      ])
    expect(owners()).toEqual([
      ['src/a.ts', 1, 'bob@example.com'],
      ['src/', 1, 'bob@example.com'],
    ])
    expect(owners({ includeAutomation: true, includeGenerated: true })).toEqual([
      ['pnpm-lock.yaml', 6, '29139614+renovate[bot]@users.noreply.github.com'],
      ['src/a.ts', 6, '29139614+renovate[bot]@users.noreply.github.com'],
      ['src/', 6, '29139614+renovate[bot]@users.noreply.github.com'],
    ])
  })

  it('is empty for an empty history', () => {
    expect(analyzeHistory([]).ownership).toEqual([])
  })
})
