import { runnerOutput } from '@gitlore/fixtures'
import { describe, expect, it } from 'vitest'
import { parseFailingTests } from './parse-failing-tests.js'

const names = (text: string) => parseFailingTests(text).map((entry) => [entry.runner, entry.test, entry.file])

describe('reading failed tests from CI logs', () => {
  it('reads pytest, Vitest, Jest, go test, cargo test and JUnit XML output', () => {
    expect(names(runnerOutput.pytest(['test/test_ops.py::TestOps::test_conv2d[float32]']).join('\n'))).toEqual([
      ['pytest', 'test/test_ops.py::TestOps::test_conv2d[float32]', 'test/test_ops.py'],
    ])
    expect(names(runnerOutput.vitest(['src/parser.test.ts > Parser > parses empty input']).join('\n'))).toEqual([
      ['vitest', 'src/parser.test.ts > Parser > parses empty input', 'src/parser.test.ts'],
    ])
    expect(names(runnerOutput.jest(['src/store.test.js > Store > persists']).join('\n'))).toEqual([
      ['jest', 'src/store.test.js > Store > persists', 'src/store.test.js'],
    ])
    expect(
      names(
        runnerOutput.goTest(['example.com/app/parser.TestParseEmpty', 'example.com/app/parser.TestLex']).join('\n'),
      ),
    ).toEqual([
      ['go', 'example.com/app/parser.TestParseEmpty', null],
      ['go', 'example.com/app/parser.TestLex', null],
    ])
    expect(names(runnerOutput.cargoTest(['parser::tests::parse_empty']).join('\n'))).toEqual([
      ['cargo', 'parser::tests::parse_empty', null],
    ])
    expect(names(runnerOutput.junitXml(['app.ParserTest#parsesEmpty']).join('\n'))).toEqual([
      ['junit', 'app.ParserTest.parsesEmpty', null],
    ])
  })

  it('names nothing in a log without test failures, and each test once', () => {
    expect(parseFailingTests('npm ERR! code ELIFECYCLE\nError: Process completed with exit code 1.')).toEqual([])
    const twice = [...runnerOutput.pytest(['t/test_a.py::test_x']), ...runnerOutput.pytest(['t/test_a.py::test_x'])]
    expect(parseFailingTests(twice.join('\n'))).toHaveLength(1)
    // Passing output that mentions FAIL in prose is not a failure.
    expect(parseFailingTests('test lexer::tests::lex ... ok\nok  \texample.com/app\t0.1s\nno FAILED tests')).toEqual([])
  })

  it('reads a log saved from GitHub: timestamped lines, colour codes, and the gh run view --log form', () => {
    const runner = [
      ...runnerOutput.vitest(['src/parser.test.ts > Parser > parses empty input']),
      ...runnerOutput.pytest(['test/test_ops.py::test_add']),
    ]
    const stamped = runner.map((line, at) => `2026-08-22T07:00:${String(at % 60).padStart(2, '0')}.1234567Z ${line}`)
    const coloured = stamped.map((line) => line.replace(/FAIL/g, '\u001b[31mFAIL\u001b[39m'))
    const expected = [
      ['pytest', 'test/test_ops.py::test_add', 'test/test_ops.py'],
      ['vitest', 'src/parser.test.ts > Parser > parses empty input', 'src/parser.test.ts'],
    ]
    expect(names(`\uFEFF${coloured.join('\n')}`)).toEqual(expected)
    expect(names(stamped.map((line) => `test (22)\tRun pnpm test\t${line}`).join('\r\n'))).toEqual(expected)
  })
})
