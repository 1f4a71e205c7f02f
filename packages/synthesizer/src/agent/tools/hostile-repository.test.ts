import { buildHostileRepository, git, type HostileRepository, markersFired } from '@gitlore/fixtures'
import { beforeAll, describe, expect, it } from 'vitest'
import { callTool } from '../../__fixtures__/call-tool.js'
import { ReviewIndex } from '../../review/review-index.js'
import { createRepositoryTools, type RepositoryToolName, type RepositoryTools } from './create-repository-tools.js'
import { RepositorySandbox } from './repository-sandbox.js'

let repository: HostileRepository
let tools: RepositoryTools

beforeAll(async () => {
  repository = await buildHostileRepository({ bulk: true })
  tools = createRepositoryTools({ sandbox: await RepositorySandbox.open(repository.dir), reviews: new ReviewIndex({}) })
})

const call = (name: RepositoryToolName, input: Record<string, unknown>) => callTool(tools, name, input)

describe('the tools on a hostile repository', () => {
  it('refuse a tracked link to the untracked .env in every tool, so the secret never reaches the model', async () => {
    const answers = [
      await call('read_file', { path: 'notes.txt' }),
      await call('blame', { path: 'notes.txt', startLine: 1, endLine: 1 }),
      await call('grep', { pattern: 'SECRET', fixedStrings: true }),
      await call('grep', { pattern: 'API_KEY', fixedStrings: true, path: 'notes.txt' }),
    ]
    expect(answers[0]).toMatch(/^error: "notes.txt" is a link to ".env", which git does not track: refused$/)
    expect(answers[1]).toMatch(/^error: "notes.txt" is a link to ".env"/)
    for (const answer of answers) expect(answer).not.toContain(repository.secret)
  })

  it('refuse a tracked link to a directory outside, in grep as in read_file', async () => {
    const answers = [
      await call('read_file', { path: 'linked-docs/secret.txt' }),
      await call('grep', { pattern: 'SECRET', fixedStrings: true, path: 'linked-docs' }),
      await call('grep', { pattern: 'SECRET', fixedStrings: true, path: 'linked-docs/secret.txt' }),
      await call('list_tree', { path: 'linked-docs' }),
      await call('blame', { path: 'linked-docs/secret.txt', startLine: 1, endLine: 1 }),
    ]
    for (const answer of answers) {
      expect(answer).toMatch(/^error: /)
      expect(answer).not.toContain(repository.secret)
    }
  })

  it('run none of the helpers a hostile .git/config, .gitattributes and hooks name', async () => {
    const sha = (await git(repository.dir, ['rev-parse', 'HEAD~1'])).trim()
    await call('read_file', { path: 'data.txt' })
    await call('blame', { path: 'data.txt', startLine: 1, endLine: 1 })
    await call('blame', { path: 'src/app.ts', startLine: 1, endLine: 1 })
    await call('grep', { pattern: 'data' })
    await call('file_history', { path: 'src/app.ts' })
    await call('file_history', { path: 'src/' })
    await call('search_commits', { query: 'fix' })
    await call('show_commit', { commit: sha })
    await call('show_commit', { commit: 'HEAD~2', path: 'src/app.ts' })
    await call('list_tree', {})
    expect(await markersFired(repository)).toEqual([])
  })

  it('parse commit records so that a subject cannot forge a commit', async () => {
    const found = await call('search_commits', { query: 'harmless' })
    expect(found.split('\n')[0]).toBe('1 matching commits')
    expect(found).not.toMatch(new RegExp(`^${repository.forgedSha.slice(0, 10)}`, 'm'))
    expect(await call('search_commits', { query: 'forged' })).toMatch(/^1 matching commits/)
  })

  it('count commits with git, not with a cut buffer, and say what they left out', async () => {
    const touching = Number((await git(repository.dir, ['rev-list', '--count', 'HEAD', '--', 'churn.txt'])).trim())
    expect(touching).toBe(14)
    const history = await call('file_history', { path: 'churn.txt', limit: 6 })
    expect(history.split('\n')[0]).toBe(
      'the 6 most recent of 14 commits touching churn.txt (raise limit, up to 100, or narrow the path to see more)',
    )
    expect(history.split('\n')).toHaveLength(7)
    expect(await call('file_history', { path: 'big.txt' })).toMatch(
      /\(\+50000 -0\) feat|: feat: add 50,000 lines \(\+50000 -0\)/,
    )
    const many = await call('search_commits', { query: '2,000 files' })
    expect(many).toContain('and 1994 more')
  })

  it('say how many grep matches there were when it shows fewer', async () => {
    const expected = (await git(repository.dir, ['grep', '-c', '-e', '^[0-9]', '--', 'many']))
      .trim()
      .split('\n')
      .reduce((sum, line) => sum + Number(line.split(':').at(-1)), 0)
    const answer = await call('grep', { pattern: '^[0-9]', path: 'many' })
    expect(answer.split('\n')[0]).toBe(
      `${expected.toLocaleString('en-US')} matching lines in many (at most 30 per file)`,
    )
    expect(answer).toMatch(
      new RegExp(`\\[truncated: showing \\d+ of ${expected.toLocaleString('en-US')} matching lines`),
    )
  })
})
