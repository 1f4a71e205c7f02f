import { ConfigError } from '@gitlore/core'
import { describe, expect, it } from 'vitest'
import { GitHubRemoteError } from './errors/github-remote-error.js'
import { resolveGitHubRepository } from './resolve-github-repository.js'

describe('resolveGitHubRepository', () => {
  it.each([
    ['octo/hello', 'octo/hello'],
    ['https://x-access-token:ghp_secret@github.com/octo/hello.git', 'octo/hello'],
    ['git@github.com:octo/hello', 'octo/hello'],
    ['ssh://git@github.com/octo/hello.js.git', 'octo/hello.js'],
  ])('reads %s from the remote', (remote, expected) => {
    const { owner, repo } = resolveGitHubRepository({ remote })
    expect(`${owner}/${repo}`).toBe(expected)
  })

  it('prefers [github] repo, and accepts Enterprise remotes on the API host', () => {
    expect(resolveGitHubRepository({ configured: 'team/tool', remote: 'octo/hello' })).toEqual({
      owner: 'team',
      repo: 'tool',
    })
    expect(
      resolveGitHubRepository({
        remote: 'git@ghe.example.com:team/tool.git',
        apiUrl: 'https://ghe.example.com/api/v3',
      }),
    ).toEqual({ owner: 'team', repo: 'tool' })
  })

  it('says what to do without a remote, with a non-GitHub one, or a malformed setting', () => {
    expect(() => resolveGitHubRepository({ remote: null })).toThrow(GitHubRemoteError)
    expect(() => resolveGitHubRepository({ remote: null })).toThrow(/\[github\] repo.*--git-only/)
    const error = (() => {
      try {
        resolveGitHubRepository({ remote: 'https://user:pw@gitlab.com/group/project.git' })
      } catch (caught) {
        return caught as GitHubRemoteError
      }
    })()
    expect(error?.code).toBe('github_remote_not_github')
    expect(error?.message).not.toContain('pw@')
    expect(() => resolveGitHubRepository({ configured: 'not a repo' })).toThrow(ConfigError)
  })
})
