import type { FailingTest } from './failing-test.js'
import { logLines } from './log-lines.js'
import { parseCargoTest } from './parse-cargo-test.js'
import { parseGoTest } from './parse-go-test.js'
import { parseJest, parseVitest } from './parse-jest.js'
import { parseJunitXml } from './parse-junit-xml.js'
import { parsePytest } from './parse-pytest.js'

/**
 * The failed tests a CI log names, read with every known runner's parser (pytest, Jest, Vitest, go test,
 * cargo test, JUnit XML printed or uploaded as text), each test once, in the order first named. A log
 * saved from GitHub (timestamped lines, colour codes) reads as the runner's own output.
 */
export function parseFailingTests(text: string): FailingTest[] {
  const lines = logLines(text)
  const found = [
    ...parsePytest(lines),
    ...parseVitest(lines),
    ...parseJest(lines),
    ...parseGoTest(lines),
    ...parseCargoTest(lines),
    ...(text.includes('<testcase') ? parseJunitXml(lines.join('\n')) : []),
  ]
  const seen = new Set<string>()
  return found.filter((entry) => !seen.has(entry.test) && seen.add(entry.test))
}
