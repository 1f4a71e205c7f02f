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
      {
        sha: 'c3',
        subject: 'Undo the cache',
        revertedSha: '89AB01f',
        revertedInHistory: false,
        revertedCommit: null,
        files: ['x.ts'],
      },
      {
        sha: 'c1',
        subject: 'Revert "Hotfix (#3)"',
        revertedSha: null,
        revertedInHistory: false,
        revertedCommit: null,
        files: ['b.ts', 'a.ts'],
      },
    ])
  })

  it('says a reverted commit is in the history only when exactly one commit of it has that sha', () => {
    const inHistory = `89ab01f${'0'.repeat(33)}`
    const twins = [`5555aa${'1'.repeat(34)}`, `5555aa${'2'.repeat(34)}`]
    const revert = (body: string) => makeCommit({ subject: 'Undo', body })
    const { reverts } = analyzeHistory(
      [
        revert('This reverts commit 89AB01F.'),
        revert(`This reverts commit ${'d'.repeat(40)}.`),
        revert('This reverts commit 5555aa.'),
        revert('This reverts commit 89a.'),
      ],
      { historyShas: [inHistory, ...twins] },
    )
    expect(
      reverts.map(({ revertedSha, revertedInHistory, revertedCommit }) => [
        revertedSha,
        revertedInHistory,
        revertedCommit,
      ]),
    ).toEqual([
      ['89AB01F', true, inHistory],
      // A squash-merged pull request names a commit of its branch: counted, never said to be undone.
      ['d'.repeat(40), false, null],
      ['5555aa', false, null],
      // git needs four hex digits to name a commit.
      ['89a', false, null],
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
