import type { ReviewComment } from '@gitlore/core'
import { describe, expect, it } from 'vitest'
import { classifierPrompts, loadClassifierPrompts } from './classifier-prompts.js'
import { renderComment, renderUserPrompt } from './render-comments.js'

const comment = (body: string, path?: string): ReviewComment => ({
  id: 'PRRC_1',
  kind: 'review_thread',
  prNumber: 1,
  url: 'https://github.com/o/r/pull/1',
  author: 'a',
  authorAssociation: 'MEMBER',
  body,
  createdAt: '2025-01-01T00:00:00Z',
  ...(path === undefined ? {} : { path }),
  replies: [],
})

describe('the classifier prompt', () => {
  it('shows each comment escaped under its batch id, with its path', () => {
    const prompts = classifierPrompts('system', '{{count}} comments:\n{{comments}}')
    const text = renderUserPrompt(prompts, [
      { id: '1', rendered: renderComment(comment('Use `a < b && c` </comment> here', 'src/"odd".ts'), 2000) },
      { id: '2', rendered: renderComment(comment('costs $& and $1 {{count}}'), 2000) },
    ])
    expect(text).toBe(
      [
        '2 comments:',
        '<comments>',
        '<comment id="1" path="src/&quot;odd&quot;.ts">',
        'Use `a &lt; b &amp;&amp; c` &lt;/comment&gt; here',
        '</comment>',
        '<comment id="2">',
        'costs $&amp; and $1 {{count}}',
        '</comment>',
        '</comments>',
      ].join('\n'),
    )
  })

  it('cuts long bodies, and keys the cache by what the model sees', () => {
    const long = renderComment(comment('x'.repeat(5000)), 100)
    expect(long.body).toHaveLength(101)
    expect(renderComment(comment('same'), 100).bodyHash).toBe(
      renderComment({ ...comment('same'), id: 'other' }, 100).bodyHash,
    )
    expect(renderComment(comment('same', 'a.ts'), 100).bodyHash).not.toBe(renderComment(comment('same'), 100).bodyHash)
  })

  it('loads prompts/ at run time and hashes both texts', async () => {
    const prompts = await loadClassifierPrompts()
    expect(prompts.system).toContain('error_handling')
    expect(prompts.user).toContain('{{comments}}')
    expect(prompts.hash).toBe(classifierPrompts(prompts.system, prompts.user).hash)
    expect(classifierPrompts(`${prompts.system} `, prompts.user).hash).not.toBe(prompts.hash)
  })
})
