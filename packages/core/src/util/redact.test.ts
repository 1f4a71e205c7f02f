import { describe, expect, it } from 'vitest'
import { stripCredentials } from './redact.js'

describe('stripCredentials', () => {
  it.each([
    ['https://user:token@git.example.com/team/repo.git', 'https://git.example.com/team/repo.git'],
    ['https://user:p@ss@w@rd@git.example.com/team/repo.git', 'https://git.example.com/team/repo.git'],
    ['https://oauth2:glpat-SECRET@gitlab.com:8443/g/p.git', 'https://gitlab.com:8443/g/p.git'],
    ['https://gitlab.com/g/p.git?private_token=SECRET', 'https://gitlab.com/g/p.git'],
    ['https://host/p.git?x=1&access_token=SECRET#frag', 'https://host/p.git'],
    ['ssh://git@host:22/p.git', 'ssh://host:22/p.git'],
    ['ghp_SECRET@github.example.com:team/repo.git', 'github.example.com:team/repo.git'],
    ['user@with@at@host.example:team/repo.git', 'host.example:team/repo.git'],
    ['git@gitlab.com:group/project.git', 'gitlab.com:group/project.git'],
    ['https://host/path@v1/repo.git', 'https://host/path@v1/repo.git'],
    ['/srv/git/project.git', '/srv/git/project.git'],
    ['../sibling@2/repo', '../sibling@2/repo'],
    ['file:///tmp/origin', 'file:///tmp/origin'],
  ])('%s -> %s', (url, expected) => {
    expect(stripCredentials(url)).toBe(expected)
    expect(stripCredentials(url)).not.toMatch(/SECRET|p@ss|ghp_|glpat/)
  })
})
