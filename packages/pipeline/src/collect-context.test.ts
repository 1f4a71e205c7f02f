import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createCache, type GitloreCache } from '@gitlore/cache'
import {
  buildHistoryFixture,
  buildPartialCloneFixture,
  buildSyntheticRepository,
  git,
  gitWithInput,
} from '@gitlore/fixtures'
import { describe, expect, it } from 'vitest'
import { collectContext } from './collect-context.js'
import type { PipelineEvent } from './pipeline-event.js'

const env = { PATH: process.env.PATH }

describe('collectContext', () => {
  it('returns the context of the window and writes the same to .gitlore/context.json', async () => {
    const { dir } = await buildHistoryFixture()
    const collected = await collectContext({ dir, since: '2025-01-01', until: '2025-01-31', gitOnly: true, env })
    expect(collected.contextPath).toBe(join(dir, '.gitlore', 'context.json'))
    expect(JSON.parse(await readFile(collected.contextPath as string, 'utf8'))).toEqual(collected.context)
    expect(collected.context.window).toEqual({ since: '2025-01-01T00:00:00.000Z', until: '2025-01-31T23:59:59.999Z' })
    const inWindow = (
      await git(dir, [
        'log',
        '--no-merges',
        '--format=%H',
        '--since=2025-01-01T00:00:00Z',
        '--until=2025-01-31T23:59:59Z',
      ])
    )
      .trim()
      .split('\n')
      .filter((line) => line !== '')
    expect(collected.context.commits.total).toBe(inWindow.length)
    expect(collected.reviews).toBeNull()
    expect(collected.stages.map((stage) => stage.status)).toEqual(['ok'])
  })

  it('makes .gitlore/ ignore itself when it creates it, and leaves an existing one as it is', async () => {
    const { dir } = await buildHistoryFixture()
    await collectContext({ dir, gitOnly: true, env })
    expect(await readFile(join(dir, '.gitlore', '.gitignore'), 'utf8')).toBe('*\n')
    expect(await git(dir, ['status', '--porcelain', '--untracked-files=all'])).toBe('')

    const other = await buildHistoryFixture()
    await mkdir(join(other.dir, '.gitlore'))
    await collectContext({ dir: other.dir, gitOnly: true, env })
    await expect(readFile(join(other.dir, '.gitlore', '.gitignore'), 'utf8')).rejects.toThrow()
  })

  it('a foreign file where the cache goes: left untouched, the stage degraded and announced', async () => {
    const { dir } = await buildHistoryFixture()
    await mkdir(join(dir, '.gitlore'), { recursive: true })
    await writeFile(join(dir, '.gitlore', 'cache.db'), 'not a database\n')
    const events: PipelineEvent[] = []
    const collected = await collectContext({ dir, gitOnly: true, env, onEvent: (event) => events.push(event) })
    expect(collected.stages.find((stage) => stage.stage === 'cache')).toMatchObject({ status: 'degraded' })
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'warning', message: expect.stringMatching(/^cache: /) }),
    )
    expect(await readFile(join(dir, '.gitlore', 'cache.db'), 'utf8')).toBe('not a database\n')
  })

  it('a store that lacks a blob: unknown line counts counted and named, recounted once the blob is back', async () => {
    const { damaged, complete, removedBlob, shas } = await buildPartialCloneFixture()
    const events: PipelineEvent[] = []
    const options = {
      dir: damaged,
      since: 'all',
      until: '2030-01-01',
      gitOnly: true,
      env,
      onEvent: (event: PipelineEvent) => events.push(event),
    }
    const partial = await collectContext(options)
    expect(partial.context.commits).toEqual({ total: 5, merges: 0, authors: 2, unknownLineCounts: 2 })
    expect(partial.context.hotspots.find((hotspot) => hotspot.path === 'big.txt')).toMatchObject({
      commits: 4,
      unknownLineCounts: 2,
    })
    const warning = `line counts unknown for 2 file event(s) whose blobs are missing from the object store (a partial clone?): ${shas.third?.slice(0, 12)} big.txt, ${shas.second?.slice(0, 12)} big.txt`
    expect(partial.context.warnings[0]).toContain(warning)
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'warning', message: expect.stringContaining(warning) }),
    )
    expect(partial.stages.map((stage) => stage.status)).toEqual(['ok'])

    // The blob comes back (as a fetch would bring it): the next run counts it, stored results notwithstanding.
    await gitWithInput(
      damaged,
      ['hash-object', '-w', '--stdin'],
      Buffer.from(await git(complete, ['cat-file', 'blob', removedBlob])),
    )
    const { onEvent: _, ...quiet } = options
    const whole = await collectContext(quiet)
    const reference = await collectContext({
      dir: complete,
      since: 'all',
      until: '2030-01-01',
      gitOnly: true,
      env,
      writeContext: false,
    })
    expect(whole.context.warnings).toEqual([])
    expect({ ...whole.context, repo: null }).toEqual({ ...reference.context, repo: null })
  })

  it('after new commits on top of a stored window, reads only the new commits and updates the statistics', async () => {
    const dir = await buildSyntheticRepository({ commits: 120, files: 20, seed: 4 })
    const cache = await createCache({ path: join(dir, '.gitlore', 'cache.db') })
    const asked: string[][] = []
    const watched: GitloreCache = {
      ...cache,
      getCommits: async (shas) => {
        asked.push([...shas])
        return cache.getCommits(shas)
      },
    }
    const options = { dir, since: 'all', until: '2100-01-01', gitOnly: true, env, writeContext: false }
    await collectContext({ ...options, cache: watched })
    const commit = async (serial: number) => {
      await writeFile(join(dir, `new-${serial}.txt`), `line ${serial}\n`)
      await git(dir, ['add', '.'])
      await git(dir, ['commit', '--quiet', '-m', `fix: add file ${serial}`], {
        GIT_AUTHOR_NAME: 'New Person',
        GIT_AUTHOR_EMAIL: 'new@example.com',
        GIT_AUTHOR_DATE: `2030-01-0${serial}T10:00:00Z`,
        GIT_COMMITTER_NAME: 'New Person',
        GIT_COMMITTER_EMAIL: 'new@example.com',
        GIT_COMMITTER_DATE: `2030-01-0${serial}T10:00:00Z`,
      })
      return (await git(dir, ['rev-parse', 'HEAD'])).trim()
    }
    const first = await commit(1)
    const second = await commit(2)
    asked.length = 0
    const updated = await collectContext({ ...options, cache: watched })
    expect(asked).toEqual([[second, first]])
    const fresh = await collectContext({ ...options, cache: false })
    expect(updated.context).toEqual(fresh.context)
    expect(updated.context.people.find((person) => person.identity === 'new@example.com')?.commits).toBe(2)

    // The updated window was stored as the commits added to the first one: the next update reads
    // those from the commit cache and the new commit, never the whole history.
    const third = await commit(3)
    asked.length = 0
    const again = await collectContext({ ...options, cache: watched })
    expect(asked).toEqual([[second, first], [third]])
    expect(again.context).toEqual((await collectContext({ ...options, cache: false })).context)
    await cache.close()
  })

  it('without a GitHub remote: review data is not applicable, not missing, and the context says why', async () => {
    const { dir } = await buildHistoryFixture()
    const events: PipelineEvent[] = []
    const collected = await collectContext({
      dir,
      env,
      since: 'all',
      writeContext: false,
      onEvent: (event) => events.push(event),
    })
    expect(collected.contextPath).toBeNull()
    expect(collected.stages.find((stage) => stage.stage === 'reviews')).toMatchObject({
      status: 'skipped',
      detail: expect.stringContaining('no origin remote'),
    })
    expect(collected.context.sources?.reviews).toEqual({
      status: 'not-applicable',
      reason: expect.stringContaining('no origin remote'),
    })
    expect(collected.context.sources?.ci).toEqual({
      status: 'not-applicable',
      reason: expect.stringContaining('no origin remote'),
    })
    expect(events.filter((event) => event.type === 'warning')).toEqual([])
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'note', message: expect.stringContaining('reviews not applicable') }),
    )
  })

  it('an empty window says where the newest commit is and which --since reaches it', async () => {
    const { dir } = await buildHistoryFixture()
    const collected = await collectContext({ dir, env, gitOnly: true, since: '2030-01-01', until: '2030-03-01' })
    expect(collected.context.commits.total).toBe(0)
    const head = (await git(dir, ['rev-parse', 'HEAD'])).trim()
    const date = (await git(dir, ['log', '-1', '--format=%aI', 'HEAD'])).trim().slice(0, 10)
    expect(collected.context.warnings).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `newest commit \\(HEAD ${head.slice(0, 7)}\\) is from ${date}, before it; try --since \\d{4}-\\d{2}-\\d{2} or --since all`,
        ),
      ),
    )
    expect(collected.context.sources?.reviews).toMatchObject({ status: 'not-applicable' })
    expect(collected.context.sources?.ci).toEqual({
      status: 'not-applicable',
      reason: '--git-only: CI history not asked for',
    })
  })
})
