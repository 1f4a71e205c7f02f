import { describe, expect, it } from 'vitest'
import { analyzeHistory } from './analyze-history.js'
import { makeCommit } from './make-commit.test-helper.js'

const person = (name: string, email: string) => ({ name, email })

describe('identity merging', () => {
  const commits = [
    ...Array.from({ length: 3 }, () =>
      makeCommit({ author: person('Rich Harris', 'rich@home.example'), files: ['a.ts'] }),
    ),
    makeCommit({ author: person('rich  harris', 'rich@work.example'), files: ['b.ts'] }),
    makeCommit({ author: person('Octo Cat', '583231+octocat@users.noreply.github.com'), files: ['a.ts'] }),
    makeCommit({ author: person('octocat', 'octo@laptop.example'), files: ['a.ts'] }),
    makeCommit({ author: person('root', 'root@ci-1.local') }),
    makeCommit({ author: person('root', 'root@ci-2.local') }),
    makeCommit({ author: person('dependabot[bot]', '49699333+dependabot[bot]@users.noreply.github.com') }),
    makeCommit({ author: person('Rich Harris', 'rich@bot.example'), subject: 'Version Packages' }),
  ]

  it('merges the same name and GitHub noreply addresses, never placeholder names or bots, and reports why', () => {
    const stats = analyzeHistory(commits)
    expect(stats.identities).toEqual([
      {
        identity: '583231+octocat@users.noreply.github.com',
        name: 'Octo Cat',
        aliases: [{ identity: 'octo@laptop.example', reason: 'github-noreply' }],
      },
      {
        identity: 'rich@home.example',
        name: 'Rich Harris',
        aliases: [
          { identity: 'rich@bot.example', reason: 'same-name' },
          { identity: 'rich@work.example', reason: 'same-name' },
        ],
      },
    ])
    expect(stats.people.map((entry) => [entry.identity, entry.commits])).toEqual([
      ['rich@home.example', 5],
      ['583231+octocat@users.noreply.github.com', 2],
      ['49699333+dependabot[bot]@users.noreply.github.com', 1],
      ['root@ci-1.local', 1],
      ['root@ci-2.local', 1],
    ])
    expect(stats.hotspots.find((entry) => entry.path === 'a.ts')?.authors).toBe(2)
    expect(stats.commits.authors).toBe(5)
  })

  it('links identities through the GitHub login review data gives them', () => {
    const linked = [
      makeCommit({ author: person('Lin', 'lin@example.com') }),
      makeCommit({ author: person('L. K.', 'lk@example.com') }),
    ]
    const logins = new Map([
      ['lin@example.com', 'lin-k'],
      ['lk@example.com', 'lin-k'],
    ])
    expect(analyzeHistory(linked, { identityLogins: logins }).identities).toMatchObject([
      { identity: 'lin@example.com', aliases: [{ identity: 'lk@example.com', reason: 'github-login' }] },
    ])
  })

  it('counts every identity apart, as git does, when merging is off', () => {
    const stats = analyzeHistory(commits, { mergeIdentities: false })
    expect(stats.identities).toEqual([])
    expect(stats.commits.authors).toBe(8)
  })
})
