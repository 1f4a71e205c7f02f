import { RepoBuilder } from '@gitlore/fixtures'
import { describe, expect, it } from 'vitest'
import { extractGitHistory } from './extract-git-history.js'
import { parseMailmap } from './mailmap.js'
import { gitLogOracle } from './test-support/git-log-oracle.js'

const mailmap = [
  '# Comments start at the beginning of a line',
  'Proper One <one@example.com>',
  '<two-new@example.com> <Two@Example.com>',
  'Proper Three <three-new@example.com> <three@example.com>',
  'Proper Four <four-new@example.com> Old Four <four@example.com>',
  'Other Four <other-four@example.com> old four <FOUR@example.com>',
  '   Spaced   Name    <five@example.com>   text without brackets is ignored',
  '<six-new@example.com> Six Old <six@example.com>',
  'Seven <seven@example.com>',
  'Seven Later <seven@example.com>',
  'Nobody <>',
  'Broken <no-closing-bracket',
  '',
].join('\n')

const identities = [
  { name: 'Someone', email: 'one@example.com' },
  { name: 'Two', email: 'two@example.com' },
  { name: 'Three', email: 'THREE@example.com' },
  { name: 'Old Four', email: 'four@example.com' },
  { name: 'OLD FOUR', email: 'Four@Example.com' },
  { name: 'Another Four', email: 'four@example.com' },
  { name: 'Five', email: 'five@example.com' },
  { name: 'Six Old', email: 'six@example.com' },
  { name: 'Six Other', email: 'six@example.com' },
  { name: 'S', email: 'seven@example.com' },
  { name: 'Untouched', email: 'untouched@example.com' },
]

describe('parseMailmap', () => {
  it("maps every identity as git's %aN and %aE do, for all four line forms", async () => {
    const builder = new RepoBuilder()
    identities.forEach((author, index) => {
      builder.commit({
        author,
        date: `2025-01-${String(index + 1).padStart(2, '0')}T10:00:00Z`,
        message: `Commit ${index}\n`,
        files: index === 0 ? { '.mailmap': mailmap } : { [`file${index}`]: `${index}\n` },
      })
    })
    const dir = await builder.build()
    const oracle = await gitLogOracle(dir)
    const map = parseMailmap(mailmap)
    expect(map.map({ name: 'OLD FOUR', email: 'Four@Example.com' })).toEqual({
      name: 'Other Four',
      email: 'other-four@example.com',
    })
    expect(map.map({ name: 'Six Old', email: 'six@example.com' })).toEqual({
      name: 'Six Old',
      email: 'six-new@example.com',
    })
    expect(map.map({ name: 'S', email: 'seven@example.com' })).toEqual({
      name: 'Seven Later',
      email: 'seven@example.com',
    })
    expect(map.map({ name: 'Five', email: 'five@example.com' })).toEqual({
      name: 'Spaced   Name',
      email: 'five@example.com',
    })
    expect(identities.map((identity) => map.map(identity)).reverse()).toEqual(oracle.map((commit) => commit.author))
    for (const backend of ['cli', 'isomorphic'] as const) {
      const history = await extractGitHistory({ dir, since: 'all', backend })
      expect(history.commits.map((commit) => commit.author)).toEqual(oracle.map((commit) => commit.author))
    }
  })

  it('leaves identities alone when a line only names other people', () => {
    const map = parseMailmap('Proper <proper@example.com> Someone Else <x@example.com>\n')
    const person = { name: 'Me', email: 'x@example.com' }
    expect(map.map(person)).toBe(person)
    expect(parseMailmap('').size).toBe(0)
  })
})
