import { describe, expect, it } from 'vitest'
import { resolveGitHubToken } from './resolve-github-token.js'

describe('resolveGitHubToken', () => {
  const noGh = async () => null
  it('prefers GITHUB_TOKEN, then GH_TOKEN, ignoring blank values', async () => {
    expect(await resolveGitHubToken({ GITHUB_TOKEN: ' a ', GH_TOKEN: 'b' }, { runGh: noGh })).toEqual({
      token: 'a',
      source: 'GITHUB_TOKEN',
    })
    expect(await resolveGitHubToken({ GITHUB_TOKEN: '  ', GH_TOKEN: 'b' }, { runGh: noGh })).toEqual({
      token: 'b',
      source: 'GH_TOKEN',
    })
  })

  it('falls back to `gh auth token` for the API host', async () => {
    const asked: (string | undefined)[] = []
    const runGh = async (hostname: string | undefined) => {
      asked.push(hostname)
      return 'gho_fromgh\n'
    }
    expect(await resolveGitHubToken({}, { runGh, hostname: 'ghe.example.com' })).toEqual({
      token: 'gho_fromgh',
      source: 'gh',
    })
    expect(asked).toEqual(['ghe.example.com'])
  })

  it('is null when nothing is set and gh is missing or logged out', async () => {
    expect(await resolveGitHubToken({}, { runGh: noGh })).toBeNull()
    const previous = process.env.PATH
    process.env.PATH = '/nonexistent'
    try {
      expect(await resolveGitHubToken({})).toBeNull()
    } finally {
      process.env.PATH = previous
    }
  })
})
