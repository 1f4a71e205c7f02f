import type { FailingTest } from './failing-test.js'

// `FAILED test/test_ops.py::TestOps::test_conv2d[float32] - AssertionError: ...` (short test summary), also `ERROR`.
const summary = /^(?:FAILED|ERROR) (\S+?\.py::\S+)(?: - .*)?$/

/** pytest's short test summary: `FAILED path.py::name` lines (`-rf`, on by default since pytest 6 for failures). */
export function parsePytest(lines: readonly string[]): FailingTest[] {
  const found: FailingTest[] = []
  for (const line of lines) {
    const match = summary.exec(line.trim())
    if (match)
      found.push({ test: match[1] as string, file: (match[1] as string).split('::')[0] as string, runner: 'pytest' })
  }
  return found
}
