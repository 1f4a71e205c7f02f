import { describe, expect, it } from 'vitest'
import { analyzeHistory } from './analyze-history.js'
import { dayAt, makeCommit } from './make-commit.test-helper.js'

const second = 1 / 86_400

describe('fixAfter', () => {
  it('uses the half-open window [fix - 7 days, fix)', () => {
    const fix = (path: string) => makeCommit({ at: dayAt(10), subject: 'fix: repair', files: [path] })
    const { fixAfter } = analyzeHistory([
      fix('same-instant.ts'),
      makeCommit({ at: dayAt(10), files: ['same-instant.ts'] }),
      fix('window-start.ts'),
      makeCommit({ at: dayAt(3), files: ['window-start.ts'] }),
      fix('too-early.ts'),
      makeCommit({ at: dayAt(3 - second), files: ['too-early.ts'] }),
      fix('after.ts'),
      makeCommit({ at: dayAt(10 + second), files: ['after.ts'] }),
    ])
    expect(fixAfter.map(({ path, fixes }) => ({ path, fixes }))).toEqual([{ path: 'window-start.ts', fixes: 1 }])
  })

  it('honours fixWindowDays', () => {
    const commits = [
      makeCommit({ at: dayAt(10), subject: 'Hotfix the parser', files: ['parser.ts'] }),
      makeCommit({ at: dayAt(6), files: ['parser.ts'] }),
    ]
    expect(analyzeHistory(commits).fixAfter).toMatchObject([{ path: 'parser.ts', fixes: 1 }])
    expect(analyzeHistory(commits, { fixWindowDays: 3 }).fixAfter).toEqual([])
  })

  it('counts per path, lets an earlier fix be the other commit, and ignores merges', () => {
    const { fixAfter } = analyzeHistory([
      makeCommit({ at: dayAt(5), subject: 'Fixes #12', files: ['a.ts', 'b.ts'] }),
      makeCommit({ at: dayAt(4), subject: 'bug: off by one', files: ['a.ts', 'c.ts'] }),
      makeCommit({ at: dayAt(3), files: ['a.ts'] }),
      makeCommit({ at: dayAt(2), parents: ['1', '2'], files: ['b.ts', 'c.ts'] }),
    ])
    expect(fixAfter).toMatchObject([{ path: 'a.ts', fixes: 2 }])
    expect(fixAfter).toHaveLength(1)
  })

  it('matches fix words only as whole words', () => {
    const commits = ['bugfix: nope', 'prefix the names', 'Fixed it', 'FIX', 'hotfixes'].flatMap((subject, index) => [
      makeCommit({ at: dayAt(1), subject, files: [`${index}.ts`] }),
      makeCommit({ at: dayAt(0), files: [`${index}.ts`] }),
    ])
    expect(analyzeHistory(commits).fixAfter.map(({ path, fixes }) => ({ path, fixes }))).toEqual([
      { path: '2.ts', fixes: 1 },
      { path: '3.ts', fixes: 1 },
    ])
  })

  it('sorts by fixes desc, then path', () => {
    const { fixAfter } = analyzeHistory([
      makeCommit({ at: dayAt(3), subject: 'fix', files: ['b.ts'] }),
      makeCommit({ at: dayAt(2), subject: 'fix', files: ['b.ts', 'c.ts', 'a.ts'] }),
      makeCommit({ at: dayAt(1), files: ['a.ts', 'b.ts', 'c.ts'] }),
    ])
    expect(fixAfter.map(({ path, fixes }) => ({ path, fixes }))).toEqual([
      { path: 'b.ts', fixes: 2 },
      { path: 'a.ts', fixes: 1 },
      { path: 'c.ts', fixes: 1 },
    ])
  })

  it("names each path's newest fixes with the change each followed, so a reader can check them", () => {
    const { fixAfter } = analyzeHistory([
      makeCommit({ sha: 'f3', at: dayAt(9), subject: 'fix: third', files: ['a.ts'] }),
      makeCommit({ sha: 'f2', at: dayAt(8), subject: 'fix: second', files: ['a.ts'] }),
      makeCommit({ sha: 'c2', at: dayAt(6), files: ['a.ts'] }),
      makeCommit({ sha: 'c1', at: dayAt(6), files: ['a.ts'] }),
      makeCommit({ sha: 'f1', at: dayAt(2), subject: 'fix: first', files: ['a.ts'] }),
      makeCommit({ sha: 'f0', at: dayAt(1), subject: 'fix: zeroth', files: ['a.ts'] }),
      makeCommit({ sha: 'c0', at: dayAt(0.5), files: ['a.ts'] }),
    ])
    // f2 followed c2 and c1 at one instant: the first in log order (c2) is named.
    expect(fixAfter).toEqual([
      {
        path: 'a.ts',
        fixes: 4,
        examples: [
          { fix: 'f3', before: 'f2' },
          { fix: 'f2', before: 'c2' },
          { fix: 'f1', before: 'f0' },
        ],
      },
    ])
  })

  it("leaves bots' and release fixes out unless automation is included, while they still count as the change before", () => {
    const renovate = { name: 'renovate[bot]', email: '29139614+renovate[bot]@users.noreply.github.com' }
    const commits = [
      makeCommit({ sha: 'human', at: dayAt(4), subject: 'fix: pin the plugin again', files: ['package.json'] }),
      makeCommit({
        sha: 'bot',
        at: dayAt(3),
        author: renovate,
        subject: 'fix(deps): update all',
        files: ['package.json'],
      }),
      makeCommit({
        sha: 'release',
        at: dayAt(2),
        subject: 'chore(release): 1.0.1 with the bug fix',
        files: ['package.json'],
      }),
      makeCommit({ sha: 'start', at: dayAt(1), subject: 'feat: add the plugin', files: ['package.json'] }),
    ]
    // The person's fix followed the bot's: it counts; the bot's and the release's fixes do not.
    expect(analyzeHistory(commits).fixAfter).toEqual([
      { path: 'package.json', fixes: 1, examples: [{ fix: 'human', before: 'bot' }] },
    ])
    expect(analyzeHistory(commits, { includeAutomation: true }).fixAfter).toEqual([
      {
        path: 'package.json',
        fixes: 3,
        examples: [
          { fix: 'human', before: 'bot' },
          { fix: 'bot', before: 'release' },
          { fix: 'release', before: 'start' },
        ],
      },
    ])
  })
})
