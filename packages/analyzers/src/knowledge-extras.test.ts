import { buildTeamFixture } from '@gitlore/fixtures'
import { describe, expect, it } from 'vitest'
import { analyzeHistory } from './analyze-history.js'
import { commitsFromGit } from './commits-from-git.test-helper.js'
import { analyzeAuthorship, finishAuthorship } from './finish-authorship.js'
import { headFilesFromGit } from './head-files.test-helper.js'
import { HistoryTally } from './history-tally.js'
import { loadTally, storeTally } from './history-tally-json.js'
import { commitDates, conventionExamples } from './knowledge-extras.js'
import { makeCommit } from './make-commit.test-helper.js'

describe('authorship', () => {
  it('counts a commit once per directory at every depth', () => {
    const commits = [
      makeCommit({ author: 'alice', at: '2024-01-01T00:00:00Z', files: ['src/a/x.ts', 'src/a/y.ts'] }),
      makeCommit({ author: 'bob', at: '2024-02-01T00:00:00Z', files: ['src/a/x.ts', 'src/b.ts'] }),
      makeCommit({ author: 'alice', at: '2024-03-01T00:00:00Z', files: ['README.md'] }),
    ]
    const byPath = new Map(analyzeAuthorship(commits).map((entry) => [entry.path, entry]))
    expect([...byPath.keys()]).toEqual(['README.md', 'src/', 'src/a/', 'src/a/x.ts', 'src/a/y.ts', 'src/b.ts'])
    expect(byPath.get('src/')).toEqual({
      path: 'src/',
      commits: 2,
      mainAuthor: 'alice@example.com',
      mainAuthorShare: 0.5,
      busFactor: 2,
      authors: [
        { identity: 'alice@example.com', commits: 1 },
        { identity: 'bob@example.com', commits: 1 },
      ],
    })
    expect(byPath.get('src/a/x.ts')?.commits).toBe(2)
  })

  it('agrees with ownership on every path ownership lists, with bots, releases and generated files left out', async () => {
    const fixture = await buildTeamFixture()
    const commits = await commitsFromGit(fixture.dir)
    const options = { headFiles: await headFilesFromGit(fixture.dir), top: Number.MAX_SAFE_INTEGER }
    const stats = analyzeHistory(commits, options)
    const authorship = new Map(analyzeAuthorship(commits, options).map((entry) => [entry.path, entry]))
    expect(stats.ownership.length).toBeGreaterThan(3)
    for (const owned of stats.ownership) {
      const entry = authorship.get(owned.path)
      expect(
        entry === undefined
          ? undefined
          : {
              path: entry.path,
              commits: entry.commits,
              mainAuthor: entry.mainAuthor,
              mainAuthorShare: entry.mainAuthorShare,
              authors: entry.authors.length,
              busFactor: entry.busFactor,
            },
        owned.path,
      ).toEqual(owned)
    }
    const generated = stats.files.filter((file) => file.generated !== undefined).map((file) => file.path)
    expect(generated.length).toBeGreaterThan(0)
    for (const path of generated) expect(authorship.has(path), path).toBe(false)
    const bots = stats.automation.bots.map((bot) => bot.identity)
    for (const entry of authorship.values()) {
      for (const author of entry.authors) expect(bots).not.toContain(author.identity)
    }
  })
})

describe('convention examples and commit dates', () => {
  const commits = [
    makeCommit({ sha: 'b'.repeat(40), at: '2024-01-03T00:00:00Z', subject: 'Tidy (#12)', files: ['a.ts'] }),
    makeCommit({ sha: 'm'.repeat(40), at: '2024-01-09T00:00:00Z', subject: 'fix: merge', parents: ['1', '2'] }),
    makeCommit({ sha: 'a'.repeat(40), at: '2024-01-02T00:00:00Z', subject: 'feat(api): add x', files: ['a.ts'] }),
    makeCommit({
      sha: 'c'.repeat(40),
      at: '2024-01-01T00:00:00Z',
      subject: 'fix: y',
      body: 'Co-Authored-By: Eve <e@x>',
      files: ['b.ts'],
    }),
  ]

  it('names the newest commit following each convention, merges left out, and keeps them through storage', () => {
    const tally = HistoryTally.of(commits)
    const expected = {
      latest: 'b'.repeat(40),
      prNumberSuffix: 'b'.repeat(40),
      conventional: 'a'.repeat(40),
      coAuthored: 'c'.repeat(40),
    }
    expect(conventionExamples(tally)).toEqual(expected)
    const stored = loadTally(JSON.parse(JSON.stringify(storeTally(tally))))
    expect(stored && conventionExamples(stored)).toEqual(expected)
    expect(conventionExamples(HistoryTally.of([]))).toEqual({})
    expect(stored && finishAuthorship(stored)).toEqual(finishAuthorship(tally))
  })

  it('gives the author date of commits in the window, and nothing for others', () => {
    const dates = commitDates(HistoryTally.of(commits), [
      'a'.repeat(40),
      'c'.repeat(40),
      'm'.repeat(40),
      'f'.repeat(40),
    ])
    expect(Object.fromEntries(dates)).toEqual({
      ['a'.repeat(40)]: '2024-01-02T00:00:00.000Z',
      ['c'.repeat(40)]: '2024-01-01T00:00:00.000Z',
    })
  })
})
