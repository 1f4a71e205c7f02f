import { streamGit } from './run-git.js'

/** Options of `binaryByAttributes`. */
export interface BinaryByAttributesOptions {
  readonly cwd: string
  /** Paths as git prints them (bytes). */
  readonly paths: readonly Buffer[]
  readonly signal?: AbortSignal | undefined
}

async function output(cwd: string, args: string[], input: Uint8Array | undefined, signal?: AbortSignal) {
  const chunks: Buffer[] = []
  for await (const chunk of streamGit({
    cwd,
    args,
    ...(input === undefined ? {} : { input }),
    signal,
    allowedExitCodes: [1],
  })) {
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/**
 * git's binary decision from the `diff` attribute for each path (keyed by the path's bytes as a
 * latin1 string): true for `-diff` (and `binary`), the driver's `diff.<driver>.binary` setting for
 * `diff=<driver>`, null where the content decides. Attributes come from where `git log` reads them
 * (`git check-attr`), so a line count computed from blobs matches the one `git log --numstat` prints.
 */
export async function binaryByAttributes(options: BinaryByAttributesOptions): Promise<Map<string, boolean | null>> {
  const decisions = new Map<string, boolean | null>()
  const unique = [...new Map(options.paths.map((path) => [path.toString('latin1'), path])).values()]
  if (unique.length === 0) return decisions
  const [attributes, drivers] = await Promise.all([
    output(
      options.cwd,
      ['check-attr', '-z', '--stdin', 'diff'],
      Buffer.concat(unique.flatMap((path) => [path, Buffer.from([0])])),
      options.signal,
    ),
    output(
      options.cwd,
      ['config', '-z', '--type=bool', '--get-regexp', '^diff\\..*\\.binary$'],
      undefined,
      options.signal,
    ),
  ])
  const binaryDriver = new Map<string, boolean>()
  for (const entry of drivers.toString('latin1').split('\0')) {
    const newline = entry.indexOf('\n')
    if (newline === -1) continue
    // diff.<driver>.binary
    binaryDriver.set(entry.slice('diff.'.length, newline - '.binary'.length), entry.slice(newline + 1) === 'true')
  }
  const fields = attributes.toString('latin1').split('\0')
  for (let index = 0; index + 2 < fields.length; index += 3) {
    const path = fields[index] as string
    const value = fields[index + 2] as string
    decisions.set(
      path,
      value === 'unset' ? true : value === 'set' || value === 'unspecified' ? null : (binaryDriver.get(value) ?? null),
    )
  }
  return decisions
}
