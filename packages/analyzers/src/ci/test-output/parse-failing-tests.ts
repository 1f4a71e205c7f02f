import type { FailingTest } from './failing-test.js'
import { parseCargoTest } from './parse-cargo-test.js'
import { parseGoTest } from './parse-go-test.js'
import { parseJest, parseVitest } from './parse-jest.js'
import { parseJunitXml } from './parse-junit-xml.js'
import { parsePytest } from './parse-pytest.js'

/**
 * The failed tests a CI log names, read with every known runner's parser (pytest, Jest, Vitest, go test,
 * cargo test, JUnit XML printed or uploaded as text), each test once, in the order first named.
 */
export function parseFailingTests(text: string): FailingTest[] {
  const lines = text.split(/\r?\n/)
  const found = [
    ...parsePytest(lines),
    ...parseVitest(lines),
    ...parseJest(lines),
    ...parseGoTest(lines),
    ...parseCargoTest(lines),
    ...(text.includes('<testcase') ? parseJunitXml(text) : []),
  ]
  const seen = new Set<string>()
  return found.filter((entry) => !seen.has(entry.test) && seen.add(entry.test))
}
