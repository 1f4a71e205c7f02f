import { createHash } from 'node:crypto'
import { expect, it } from 'vitest'
import type { KnowledgeCommentIndexRow, KnowledgeIndexRow } from '../../knowledge/knowledge-rows.js'
import type { SuiteContext } from './index.js'

const hash = (data: string) => createHash('sha256').update(data).digest('hex')

function row(kind: KnowledgeIndexRow['kind'], key: string, value: unknown): KnowledgeIndexRow {
  const data = JSON.stringify(value)
  return { kind, key, data, hash: hash(data) }
}

function comment(id: string, path: string, author: string, createdAt: string, text: string, categories: string[]) {
  const data = JSON.stringify({ id, path, author, createdAt, text })
  const value: KnowledgeCommentIndexRow = {
    id,
    path,
    author,
    createdAt,
    categories: `,${categories.join(',')},`,
    text,
    data,
    hash: hash(data),
  }
  return value
}

const comments = [
  comment('c1', 'src/db/query.ts', 'Dave', '2024-03-20T00:00:00Z', 'add a null check before row_id', ['bug']),
  comment('c2', 'src/db/pool.ts', 'erin', '2024-03-21T00:00:00Z', 'null check the pooled connection', [
    'error_handling',
  ]),
  comment('c3', 'src/dbx/other.ts', 'erin', '2024-03-22T00:00:00Z', 'rowxid is not a null check', ['bug', 'naming']),
  comment('c4', '', 'dave', '2024-03-23T00:00:00Z', '100% of the docs are stale', ['documentation']),
]

export function knowledgeCases({ database }: SuiteContext): void {
  it('stores an index, rewriting only changed rows and deleting the ones it lacks', async () => {
    const cache = await (await database()).open({ repository: 'acme/widgets' })
    const first = [row('meta', '', { head: 'a' }), row('path', 'src/a.ts', { n: 1 }), row('path', 'src/b.ts', { n: 2 })]
    expect(await cache.putKnowledgeRows({ rows: first, comments })).toEqual({ written: 7, unchanged: 0, deleted: 0 })
    const second = [row('meta', '', { head: 'b' }), row('path', 'src/a.ts', { n: 1 }), row('theme', 't1', { size: 3 })]
    expect(await cache.putKnowledgeRows({ rows: second, comments: comments.slice(1) })).toEqual({
      written: 2,
      unchanged: 4,
      deleted: 2,
    })
    expect((await cache.getKnowledgeRows('path')).map((data) => JSON.parse(data))).toEqual([{ n: 1 }])
    expect(await cache.getKnowledgeRows('path', ['src/b.ts', 'src/a.ts', 'src/a.ts'])).toEqual([
      JSON.stringify({ n: 1 }),
    ])
    expect(await cache.getKnowledgeRows('meta', [''])).toEqual([JSON.stringify({ head: 'b' })])
    expect(await cache.getKnowledgeComments(['c1', 'c2'])).toEqual([comments[1]?.data])
  })

  it('keeps each repository to its own index, and clear removes it', async () => {
    const db = await database()
    const widgets = await db.open({ repository: 'acme/widgets' })
    const gadgets = await db.open({ repository: 'acme/gadgets' })
    await widgets.putKnowledgeRows({ rows: [row('meta', '', { repo: 'widgets' })], comments })
    await gadgets.putKnowledgeRows({ rows: [row('meta', '', { repo: 'gadgets' })], comments: [] })
    expect(await widgets.getKnowledgeRows('meta')).toEqual([JSON.stringify({ repo: 'widgets' })])
    expect(await gadgets.searchKnowledgeComments({ terms: [], limit: 10 })).toEqual([])
    await widgets.clear()
    expect(await widgets.getKnowledgeRows('meta')).toEqual([])
    expect(await gadgets.getKnowledgeRows('meta')).toEqual([JSON.stringify({ repo: 'gadgets' })])
  })

  it('searches comments by every word and filter, newest first, taking % and _ literally', async () => {
    const cache = await (await database()).open({ repository: 'acme/widgets' })
    await cache.putKnowledgeRows({ rows: [], comments })
    const ids = async (search: Parameters<typeof cache.searchKnowledgeComments>[0]) =>
      (await cache.searchKnowledgeComments(search)).map((data) => (JSON.parse(data) as { id: string }).id)
    expect(await ids({ terms: ['null', 'check'], limit: 10 })).toEqual(['c3', 'c2', 'c1'])
    expect(await ids({ terms: ['null'], limit: 2 })).toEqual(['c3', 'c2'])
    expect(await ids({ terms: ['row_id'], limit: 10 })).toEqual(['c1'])
    expect(await ids({ terms: ['100%'], limit: 10 })).toEqual(['c4'])
    expect(await ids({ terms: ['null'], path: 'src/db/', limit: 10 })).toEqual(['c2', 'c1'])
    expect(await ids({ terms: [], path: 'src/db/query.ts', limit: 10 })).toEqual(['c1'])
    expect(await ids({ terms: [], category: 'bug', limit: 10 })).toEqual(['c3', 'c1'])
    expect(await ids({ terms: [], author: 'DAVE', limit: 10 })).toEqual(['c4', 'c1'])
  })
}
