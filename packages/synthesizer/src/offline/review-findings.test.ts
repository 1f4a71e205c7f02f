import { repositoryContext, sha } from '@gitlore/fixtures'
import { describe, expect, it } from 'vitest'
import { reviewClusters, reviewComments, reviewPullRequests, reviewStats } from '../__fixtures__/review-data.js'
import { createSynthesizer } from '../create-synthesizer.js'
import type { SynthesisInput } from '../synthesizer.js'

/** A busy history in which src/db.ts, the file the reviewers keep flagging, was also fixed and reverted. */
const context = repositoryContext({
  commits: { total: 60, merges: 3, authors: 4 },
  hotspots: [
    {
      path: 'src/db.ts',
      commits: 20,
      added: 200,
      removed: 80,
      churn: 280,
      authors: 4,
      lastChanged: '2025-03-01T10:00:00.000Z',
    },
    {
      path: 'src/app.ts',
      commits: 14,
      added: 90,
      removed: 30,
      churn: 120,
      authors: 3,
      lastChanged: '2025-03-02T10:00:00.000Z',
    },
  ],
  fixAfter: [{ path: 'src/db.ts', fixes: 3, examples: [{ fix: sha('3'), before: sha('4') }] }],
  reverts: [
    // A squash-merged pull request whose body keeps an inner revert of a commit of its own branch:
    // it touched src/db.ts and reverted nothing there.
    {
      sha: sha('5'),
      subject: 'perf: batch the queries (#31)',
      revertedSha: '6666666',
      revertedInHistory: false,
      revertedCommit: null,
      files: ['src/db.ts'],
    },
    {
      sha: sha('1'),
      subject: 'Revert "feat: add a query cache"',
      revertedSha: sha('2'),
      revertedInHistory: true,
      revertedCommit: sha('2'),
      files: ['src/db.ts'],
    },
  ],
  ownership: [
    { path: 'src/', commits: 50, mainAuthor: 'alice@example.com', mainAuthorShare: 0.7, authors: 4, busFactor: 1 },
  ],
  people: [
    {
      identity: 'alice@example.com',
      name: 'Alice Archer',
      commits: 30,
      files: 20,
      lastCommit: '2024-03-28T10:00:00.000Z',
    },
  ],
})

const input: SynthesisInput = {
  context,
  clusters: reviewClusters,
  classified: reviewComments,
  pullRequests: reviewPullRequests,
  reviewStats,
}

describe('offline synthesizer with review data', () => {
  it('leads with the recurring review theme, backed by PR urls and the git record of the same file', async () => {
    const result = await createSynthesizer({ kind: 'offline' }).synthesize(input)
    const [first] = result.findings
    expect(first?.evidence.some((item) => item.source === 'review')).toBe(true)
    expect(first).toMatchObject({
      title: 'Reviewers keep raising: missing null check on db lookups (4 comments, 4 PRs)',
      category: 'landmine',
      severity: 'high',
      files: ['src/db.ts', 'src/app.ts'],
    })
    const refs = first?.evidence.map((item) => `${item.source} ${item.ref}`)
    expect(refs).toEqual([
      'review https://github.com/acme/demo/pull/15',
      'review https://github.com/acme/demo/pull/12',
      'review https://github.com/acme/demo/pull/31',
      'review https://github.com/acme/demo/pull/40',
      // Only the git record that supports the theme is cited: src/app.ts was merely busy.
      `git ${sha('1')}`,
    ])
    expect(first?.insight).toContain(
      'The history agrees: src/db.ts: fixed shortly after a change 3 times and reverted once.',
    )
    expect(first?.insight).toContain('Only 50% of these threads were resolved.')
    expect(result.notes[0]).toContain('from review themes, review statistics and git history')
  })

  it('reports review load concentrated on one person as a team finding', async () => {
    const { findings } = await createSynthesizer({ kind: 'offline' }).synthesize(input)
    const load = findings.find((finding) => finding.title === 'carol gives 75% of the reviews')
    expect(load).toMatchObject({ category: 'team', severity: 'high' })
    expect(load?.insight).toContain('They review most of the work of dave (12 PRs) and alice (9 PRs).')
    expect(load?.evidence.filter((item) => item.ref?.startsWith('https://github.com/acme/demo/pull/'))).toHaveLength(3)
    const wait = findings.find((finding) => finding.title.startsWith('Pull requests wait'))
    expect(wait?.title).toBe('Pull requests wait 30 h (median) for a first review')
  })

  it('names the reviewer to ask about an area, with who writes its code', async () => {
    const synthesizer = createSynthesizer({ kind: 'offline', thresholds: { areaReviewerShare: 0.5 } })
    const { findings } = await synthesizer.synthesize(input)
    const area = findings.find((finding) => finding.title.startsWith('Ask carol about src/'))
    expect(area).toMatchObject({ category: 'team', severity: 'medium', files: ['src/'] })
    expect(area?.evidence.map((item) => item.source)).toEqual(['review', 'review', 'review', 'git'])
    expect(area?.insight).toContain('Most of its code is written by Alice Archer (alice@example.com).')
  })

  it('reports a directory one person both writes and reviews as a knowledge silo', async () => {
    const silo = {
      path: 'src/',
      identity: 'alice@example.com',
      login: 'alice',
      commits: 40,
      writeShare: 0.85,
      comments: 12,
      reviewShare: 0.9167,
    }
    const { findings } = await createSynthesizer({ kind: 'offline' }).synthesize({
      ...input,
      context: { ...context, silos: [silo] },
      reviewStats: { ...reviewStats, load: { reviewers: 4, topShare: 0.75, halfBy: 1 } },
    })
    const found = findings.find((finding) => finding.title.startsWith('Knowledge silo'))
    expect(found).toMatchObject({
      title: 'Knowledge silo: Alice Archer (alice@example.com) writes and reviews src/',
      category: 'team',
      severity: 'medium',
      files: ['src/'],
    })
    expect(found?.insight).toContain(
      'wrote 85% of the 40 commits to files in src/ and, as alice, gave 92% of the 12 review comments',
    )
    const load = findings.find((finding) => finding.title === 'carol gives 75% of the reviews')
    expect(load?.insight).toContain('1 reviewer of 4 gave more than half of all reviews.')
  })

  it('still reports review findings when the git history is too thin', async () => {
    const thin = { ...input, context: repositoryContext({ commits: { total: 2, merges: 0, authors: 1 } }) }
    const result = await createSynthesizer({ kind: 'offline' }).synthesize(thin)
    expect(result.findings[0]?.title).toContain('Reviewers keep raising')
    expect(result.findings[0]?.severity).toBe('high')
    expect(result.notes.join('\n')).toContain('Only 2 commits in the window')
  })

  it('leaves out themes too small to be a pattern, and says so', async () => {
    const small = [{ ...reviewClusters[0]!, id: 'small', size: 2, prNumbers: [12] }]
    const result = await createSynthesizer({ kind: 'offline' }).synthesize({ ...input, clusters: small })
    expect(result.findings.some((finding) => finding.title.startsWith('Reviewers keep raising'))).toBe(false)
    expect(result.notes).toContain('1 review theme left out: fewer than 3 comments or 2 pull requests.')
  })
})
