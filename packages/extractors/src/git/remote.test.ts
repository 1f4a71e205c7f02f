import { describe, expect, it } from 'vitest'
import { describeRemote } from './remote.js'

describe('describeRemote', () => {
  it.each([
    ['https://github.com/octo/hello.git', 'octo/hello'],
    ['https://github.com/octo/hello', 'octo/hello'],
    ['https://github.com/octo/hello/', 'octo/hello'],
    ['https://x-access-token:ghp_secret@github.com/octo/hello.git', 'octo/hello'],
    ['http://github.com/octo/hello.js.git', 'octo/hello.js'],
    ['git@github.com:octo/hello.git', 'octo/hello'],
    ['git@github.com:octo/hello', 'octo/hello'],
    ['github.com:octo/hello.git', 'octo/hello'],
    ['ssh://git@github.com/octo/hello.git', 'octo/hello'],
    ['ssh://git@github.com:22/octo/hello', 'octo/hello'],
    ['git://github.com/octo/hello.git', 'octo/hello'],
    ['https://GitHub.com/Octo/Hello.git', 'Octo/Hello'],
    ['https://www.github.com/octo/hello', 'octo/hello'],
    ['  https://github.com/octo/hello.git\n', 'octo/hello'],
    ['https://gitlab.com/group/project.git', 'https://gitlab.com/group/project.git'],
    ['https://user:pass@git.example.com/team/repo.git', 'https://git.example.com/team/repo.git'],
    ['git@gitlab.com:group/project.git', 'gitlab.com:group/project.git'],
    ['oauth2:glpat-x@gitlab.example:group/project.git', 'gitlab.example:group/project.git'],
    ['https://gitlab.example/group/project.git?private_token=glpat-x', 'https://gitlab.example/group/project.git'],
    ['https://github.com.evil.example/octo/hello', 'https://github.com.evil.example/octo/hello'],
    ['https://github.com/octo', 'https://github.com/octo'],
    ['/srv/git/project.git', '/srv/git/project.git'],
    ['file:///tmp/origin', 'file:///tmp/origin'],
  ])('%s -> %s', (url, expected) => {
    expect(describeRemote(url)).toBe(expected)
  })
})
