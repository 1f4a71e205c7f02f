import { GitCommandError } from '@gitlore/core'

function corrupt(): GitCommandError {
  return new GitCommandError('corrupt delta in a git pack: run `git fsck`, or use the git CLI backend')
}

/** git's `patch_delta`: rebuilds an object from its base and a delta (copy and insert instructions). */
export function applyDelta(delta: Buffer, base: Buffer): Buffer {
  let at = 0
  const size = () => {
    let value = 0
    let scale = 1
    let byte: number
    do {
      byte = delta[at++] as number
      value += (byte & 0x7f) * scale
      scale *= 128
    } while (byte & 0x80 && at < delta.length)
    return value
  }
  if (size() !== base.length) throw corrupt()
  // Memory of its own: a small result from the shared slab would keep the slab alive in a cache.
  const result = Buffer.allocUnsafeSlow(size())
  let written = 0
  while (at < delta.length) {
    const op = delta[at++] as number
    if (op & 0x80) {
      let offset = 0
      let length = 0
      if (op & 0x01) offset |= delta[at++] as number
      if (op & 0x02) offset |= (delta[at++] as number) << 8
      if (op & 0x04) offset |= (delta[at++] as number) << 16
      if (op & 0x08) offset += (delta[at++] as number) * 2 ** 24
      if (op & 0x10) length |= delta[at++] as number
      if (op & 0x20) length |= (delta[at++] as number) << 8
      if (op & 0x40) length |= (delta[at++] as number) << 16
      if (length === 0) length = 0x10000
      if (offset + length > base.length || written + length > result.length) throw corrupt()
      base.copy(result, written, offset, offset + length)
      written += length
    } else if (op !== 0) {
      if (at + op > delta.length || written + op > result.length) throw corrupt()
      delta.copy(result, written, at, at + op)
      at += op
      written += op
    } else {
      throw corrupt()
    }
  }
  if (written !== result.length) throw corrupt()
  return result
}
