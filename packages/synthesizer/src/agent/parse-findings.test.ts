import { describe, expect, it } from 'vitest'
import { parseFindings } from './parse-findings.js'
import { validateFindings } from './validate-findings.js'

describe('parseFindings', () => {
  it('reads child elements, CDATA, entities and a files list as models write them', () => {
    const answer = `<findings><finding>
      <category>Fragile Area</category><severity>HIGH</severity>
      <title>Pool &amp; retries</title>
      <insight><![CDATA[Use <Pool> with care & retry]]></insight>
      <evidence><source>commit</source><text>Reverted twice</text><ref>abc1234</ref></evidence>
      <evidence source="code" ref="src/pool.ts:10-12"/>
      <files>src/pool.ts, src/retry.ts</files>
    </finding></findings>`
    const { candidates } = parseFindings(answer)
    expect(candidates).toEqual([
      {
        title: 'Pool & retries',
        category: 'Fragile Area',
        severity: 'HIGH',
        insight: 'Use <Pool> with care & retry',
        evidence: [
          { source: 'commit', text: 'Reverted twice', ref: 'abc1234' },
          { source: 'code', text: '', ref: 'src/pool.ts:10-12' },
        ],
        files: ['src/pool.ts', 'src/retry.ts'],
        unterminated: false,
      },
    ])
    const { valid, errors } = validateFindings(candidates)
    expect(errors).toEqual(['finding 1 ("Pool & retries"): evidence.1.text: evidence text is empty'])
    expect(valid).toEqual([])
  })

  it('keeps the complete findings of an answer cut off mid-finding and flags the cut one', () => {
    const answer =
      'Sure!\n<findings>\n<finding category="landmine" severity="low"><title>A</title><insight>B</insight>' +
      '<evidence source="git" ref="abc1234">C</evidence></finding>\n<finding category="team" severity="low"><title>Cut'
    const parsed = parseFindings(answer)
    expect(parsed.hasFindingsElement).toBe(true)
    const { valid, errors, invalid } = validateFindings(parsed.candidates)
    expect(valid.map((finding) => [finding.title, finding.category, finding.evidence])).toEqual([
      ['A', 'landmine', [{ source: 'git', text: 'C', ref: 'abc1234' }]],
    ])
    expect(invalid).toBe(1)
    expect(errors).toEqual(['finding 2: the answer was cut off inside this finding'])
  })

  it('finds nothing in prose and reports strict errors for unknown values', () => {
    expect(parseFindings('I could not find anything interesting.').hasFindingsElement).toBe(false)
    const { errors } = validateFindings(
      parseFindings(
        '<findings><finding category="bug" severity="urgent"><title>T</title><insight>I</insight>' +
          '<evidence source="chat" ref="x">e</evidence></finding></findings>',
      ).candidates,
    )
    expect(errors).toEqual([
      'finding 1 ("T"): category: "bug" is not one of fragile_area, landmine, architecture, code_pattern, convention, tooling, team',
      'finding 1 ("T"): severity: "urgent" is not one of high, medium, low',
      'finding 1 ("T"): evidence.0.source: "chat" is not one of review, git, code, ci',
    ])
  })
})
