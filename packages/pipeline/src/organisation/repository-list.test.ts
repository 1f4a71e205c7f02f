import { UsageError } from '@gitlore/core'
import { describe, expect, it } from 'vitest'
import { parseRepositoryList } from './repository-list.js'

describe('parseRepositoryList', () => {
  it('reads owner/name, GitHub URLs and paths, skipping comments, blanks and repeats', () => {
    const text = [
      '# the platform team',
      'octo/api',
      'https://github.com/octo/web.git   # the front end',
      '',
      './services/billing',
      '/srv/repos/tools',
      '~/work/notes',
      'Octo/API',
    ].join('\n')
    expect(parseRepositoryList(text, { file: '/etc/gitlore/repos.txt', home: '/home/me' })).toEqual([
      { kind: 'github', name: 'octo/api', owner: 'octo', repo: 'api' },
      { kind: 'github', name: 'octo/web', owner: 'octo', repo: 'web' },
      { kind: 'path', name: './services/billing', path: '/etc/gitlore/services/billing' },
      { kind: 'path', name: '/srv/repos/tools', path: '/srv/repos/tools' },
      { kind: 'path', name: '~/work/notes', path: '/home/me/work/notes' },
    ])
  })

  it('names the line of anything else, and refuses an empty list', () => {
    expect(() => parseRepositoryList('octo/api\nservices billing\n', { file: 'repos.txt' })).toThrow(
      'repos.txt:2: "services billing" is neither owner/name nor a directory',
    )
    expect(() => parseRepositoryList('octo/../x', { file: 'repos.txt' })).toThrow(UsageError)
    expect(() => parseRepositoryList('# nothing\n\n', { file: 'repos.txt' })).toThrow('repos.txt names no repository')
  })
})
