import type { FailingTest } from './failing-test.js'

const testcase = /<testcase\b([^>]*?)(?:\/>|>([\s\S]*?)<\/testcase>)/g
const attribute = (attributes: string, name: string) =>
  new RegExp(`\\b${name}="([^"]*)"`)
    .exec(attributes)?.[1]
    ?.replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')

/** Failed test cases of a JUnit XML report (Maven Surefire, Gradle, pytest `--junitxml`, jest-junit): `classname.name`. */
export function parseJunitXml(text: string): FailingTest[] {
  const found: FailingTest[] = []
  for (const match of text.matchAll(testcase)) {
    const body = match[2] ?? ''
    if (!/<(failure|error)\b/.test(body)) continue
    const attributes = match[1] as string
    const name = attribute(attributes, 'name')
    if (name === undefined) continue
    const classname = attribute(attributes, 'classname')
    found.push({
      test: classname === undefined || classname === '' ? name : `${classname}.${name}`,
      file: attribute(attributes, 'file') ?? null,
      runner: 'junit',
    })
  }
  return found
}
