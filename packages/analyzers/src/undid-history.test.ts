import { historyReverts, undidHistory } from '@gitlore/core'
import { describe, expect, it } from 'vitest'
import { analyzeHistory } from './analyze-history.js'
import { makeCommit } from './make-commit.test-helper.js'

describe('undidHistory', () => {
  const landed = `a57188e${'0'.repeat(33)}`
  const { reverts } = analyzeHistory(
    [
      // A squash-merged pull request whose branch reverted one of its own commits: not a revert of the history.
      makeCommit({
        sha: 'pr',
        subject: 'move image to post coalese (#16749)',
        body: `* move image\n\n* Revert "try a thing"\n\nThis reverts commit ${'b'.repeat(40)}.\n\n* fix`,
        files: ['.github/workflows/benchmark.yml', 'tinygrad/codegen/__init__.py'],
      }),
      // The same shape, but its inner revert undid a commit of the history.
      makeCommit({
        sha: 'pr2',
        subject: 'hcq2: use shrink.bitcast (#17653)',
        body: `* Revert "hcq2 (#17600)"\n\nThis reverts commit ${landed}.`,
        files: ['.github/workflows/benchmark.yml'],
      }),
      // GitHub's revert button: the reverted commit is a branch commit of the pull request it undid.
      makeCommit({
        sha: 'button',
        subject: 'Revert "shrink guarded ranges" (#15271)',
        body: `This reverts commit ${'c'.repeat(40)}.`,
        files: ['.github/workflows/benchmark.yml'],
      }),
      makeCommit({ sha: landed, subject: 'hcq2 (#17600)', files: ['tinygrad/device.py'] }),
    ],
    { historyShas: [landed] },
  )

  it('accepts a revert whose subject starts with Revert " or whose reverted commit is in the history', () => {
    expect(reverts.map((revert) => [revert.sha, undidHistory(revert)])).toEqual([
      ['pr', false],
      ['pr2', true],
      ['button', true],
    ])
  })

  it('keeps the raw list whole and filters it in order', () => {
    expect(reverts.map((revert) => revert.sha)).toEqual(['pr', 'pr2', 'button'])
    expect(historyReverts(reverts).map((revert) => revert.sha)).toEqual(['pr2', 'button'])
  })
})
