import { describe, expect, it } from 'vitest'
import { analyzeHistory } from './analyze-history.js'
import { dayAt, makeCommit } from './make-commit.test-helper.js'

describe('people', () => {
  it('folds identities by lower-cased email and names them after their latest commit', () => {
    const { people } = analyzeHistory([
      makeCommit({ at: dayAt(1), author: { name: 'B. Baker', email: 'bob@example.com' }, files: ['a.ts'] }),
      makeCommit({ at: dayAt(3), author: { name: 'Bob Baker', email: 'Bob@Example.com' }, files: ['a.ts', 'b.ts'] }),
      makeCommit({ at: dayAt(2), author: { name: 'bobby', email: 'BOB@example.com' } }),
      makeCommit({ at: dayAt(9), author: { name: 'Merger', email: 'bob@example.com' }, parents: ['1', '2'] }),
    ])
    expect(people).toEqual([
      { identity: 'bob@example.com', name: 'Bob Baker', commits: 3, files: 2, lastCommit: dayAt(3) },
    ])
  })

  it('takes the first name in input order when latest commits share an instant', () => {
    const { people } = analyzeHistory([
      makeCommit({ at: dayAt(1), author: { name: 'First', email: 'x@example.com' } }),
      makeCommit({ at: dayAt(1), author: { name: 'Second', email: 'x@example.com' } }),
    ])
    expect(people[0]?.name).toBe('First')
  })

  it('sorts by commits desc, then identity', () => {
    const { people } = analyzeHistory(['zed', 'amy', 'bob', 'bob'].map((author) => makeCommit({ author })))
    expect(people.map((person) => [person.identity, person.commits])).toEqual([
      ['bob@example.com', 2],
      ['amy@example.com', 1],
      ['zed@example.com', 1],
    ])
  })
})
