import type { FailingTest } from './failing-test.js'

const failed = /^test (\S+) \.\.\. FAILED$/

/** cargo test's `test path::name ... FAILED` lines. */
export function parseCargoTest(lines: readonly string[]): FailingTest[] {
  const found: FailingTest[] = []
  for (const line of lines) {
    const match = failed.exec(line.trim())
    if (match) found.push({ test: match[1] as string, file: null, runner: 'cargo' })
  }
  return found
}
