import { describe, expect, it } from 'vitest'
import { analyzeHistory } from './analyze-history.js'
import { makeCommit } from './make-commit.test-helper.js'

describe('reverts', () => {
  it('finds reverts by subject or by the "This reverts commit" line, in input order', () => {
    const { reverts } = analyzeHistory([
      makeCommit({ sha: 'c3', subject: 'Undo the cache', body: 'This reverts commit 89AB01f.', files: ['x.ts'] }),
      makeCommit({ sha: 'c2', subject: 'Add the cache', files: ['x.ts'] }),
      makeCommit({ sha: 'c1', subject: 'Revert "Hotfix (#3)"', files: ['b.ts', 'a.ts'] }),
      makeCommit({ sha: 'c0', subject: 'revert "lower case is not a revert"' }),
      makeCommit({ sha: 'c9', subject: 'Revert the cache without quotes' }),
    ])
    expect(reverts).toEqual([
      { sha: 'c3', subject: 'Undo the cache', revertedSha: '89AB01f', files: ['x.ts'] },
      { sha: 'c1', subject: 'Revert "Hotfix (#3)"', revertedSha: null, files: ['b.ts', 'a.ts'] },
    ])
  })

  it('gives a null revertedSha when no hex follows the line', () => {
    const { reverts } = analyzeHistory([makeCommit({ subject: 'Back out', body: 'This reverts commit (see above).' })])
    expect(reverts).toEqual([expect.objectContaining({ revertedSha: null })])
  })

  it('skips merges', () => {
    const merge = makeCommit({ parents: ['1', '2'], subject: 'Revert "a merge"', body: 'This reverts commit abc.' })
    expect(analyzeHistory([merge]).reverts).toEqual([])
  })
})
