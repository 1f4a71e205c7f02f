import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { mergeInOrder } from './merge-in-order.js'

/** A source yielding `items` with a pause before each, recording whether it was stopped. */
function source(items: readonly string[], pause: number, log: { stopped: boolean; yielded: number }) {
  return async function* (signal: AbortSignal) {
    try {
      for (const item of items) {
        await sleep(pause, undefined, { signal })
        log.yielded++
        yield item
      }
    } finally {
      log.stopped = signal.aborted
    }
  }
}

const logs = (count: number) => Array.from({ length: count }, () => ({ stopped: false, yielded: 0 }))

describe('mergeInOrder', () => {
  it('yields in the given order however fast each source is', async () => {
    const log = logs(3)
    const owners = [0, 0, 1, 2, 1, 0, 2, 2]
    const lists = [
      ['a', 'b', 'f'],
      ['c', 'e'],
      ['d', 'g', 'h'],
    ]
    const merged: string[] = []
    for await (const item of mergeInOrder({
      owners,
      sources: lists.map((items, index) => source(items, [5, 0, 1][index] as number, log[index] as never)),
    })) {
      merged.push(item)
    }
    expect(merged).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'])
  })

  it('streams: the first item arrives before a slow later source has finished', async () => {
    const log = logs(2)
    const merged = mergeInOrder({
      owners: [0, 1, 1, 1],
      sources: [source(['first'], 0, log[0] as never), source(['x', 'y', 'z'], 200, log[1] as never)],
    })
    const started = Date.now()
    expect((await merged.next()).value).toBe('first')
    expect(Date.now() - started).toBeLessThan(150)
    await merged.return(undefined)
    expect(log[1]?.stopped).toBe(true)
  })

  it('stops every source and throws the first failure', async () => {
    const log = logs(1)
    const failing = async function* () {
      yield 'one'
      throw new Error('git died')
    }
    const merged: string[] = []
    await expect(async () => {
      for await (const item of mergeInOrder({
        owners: [1, 0, 0, 0, 1],
        sources: [source(['a', 'b', 'c'], 50, log[0] as never), failing],
      })) {
        merged.push(item)
      }
    }).rejects.toThrow('git died')
    expect(merged).toEqual(['one'])
    expect(log[0]?.stopped).toBe(true)
    expect(log[0]?.yielded).toBeLessThan(3)
  })

  it('pauses a source that runs too far ahead of the consumer', async () => {
    const ahead = { yielded: 0 }
    const fast = async function* () {
      for (let index = 0; index < 100; index++) {
        ahead.yielded++
        yield `fast ${index}`
      }
    }
    const merged = mergeInOrder({
      owners: [0, ...Array(100).fill(1)],
      sources: [source(['slow'], 100, { stopped: false, yielded: 0 }), fast],
      highWater: 8,
    })
    expect((await merged.next()).value).toBe('slow')
    expect(ahead.yielded).toBeLessThanOrEqual(9)
    let count = 0
    for await (const _ of merged) count++
    expect(count).toBe(100)
  })

  it('stops when the caller aborts', async () => {
    const log = logs(1)
    const controller = new AbortController()
    const merged = mergeInOrder({
      owners: [0, 0, 0],
      sources: [source(['a', 'b', 'c'], 100, log[0] as never)],
      signal: controller.signal,
    })
    setTimeout(() => controller.abort(new Error('interrupted')), 20)
    await expect(merged.next()).rejects.toThrow('interrupted')
    expect(log[0]?.stopped).toBe(true)
  })
})
