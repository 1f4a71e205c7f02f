import { ConfigError } from '@gitlore/core'
import { describe, expect, it } from 'vitest'
import { repositoryKey } from './repository-key.js'

describe('repositoryKey', () => {
  it('files a GitHub repository under its review key, however its remote is spelt', () => {
    for (const remote of [
      'Octo/Hello',
      'https://x-access-token:ghs_abc@github.com/octo/hello.git',
      'git@github.com:octo/hello',
    ]) {
      expect(repositoryKey({ path: '/home/a/hello', remote })).toBe('api.github.com/octo/hello')
    }
    expect(repositoryKey({ path: '/x', remote: null, configured: 'octo/other' })).toBe('api.github.com/octo/other')
    expect(
      repositoryKey({
        path: '/x',
        remote: 'https://ghe.example.com/team/tool.git',
        apiUrl: 'https://ghe.example.com/api/v3',
      }),
    ).toBe('ghe.example.com/team/tool')
  })

  it('falls back to the remote without credentials, then to the path', () => {
    expect(repositoryKey({ path: '/x', remote: 'https://user:token@gitlab.com/Group/Tool.git' })).toBe(
      'gitlab.com/group/tool',
    )
    expect(repositoryKey({ path: '/srv/repos/tool', remote: null })).toBe('path:/srv/repos/tool')
  })

  it('lets a malformed [github] repo be the configuration error it is', () => {
    expect(() => repositoryKey({ path: '/x', remote: null, configured: 'not a repo' })).toThrow(ConfigError)
  })
})
