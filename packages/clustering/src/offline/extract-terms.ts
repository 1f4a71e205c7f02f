/** One term of a text: its stem (what is compared) and the word as written (what a label shows). */
export interface Term {
  readonly stem: string
  readonly surface: string
  /** `word` for prose, `code` for an identifier or a part of one (camelCase, snake_case). */
  readonly kind: 'word' | 'code'
}

// Function words and review filler: they say nothing about a comment's theme.
const stopwords = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing done down during each either else even ever every few for ' +
    'from further had has have having he her here hers him his how however i if in into is it its itself just ' +
    'let lets like ll may maybe me might more most much must my myself no nor not now of off often on once one ' +
    'only or other otherwise our ours out over own per please re really right same see seems she should since ' +
    'so some something still such than that the their theirs them then there these they thing things think ' +
    'this those though through thus to too under until up upon us ve very via was way we well were what when ' +
    'where whether which while who whom whose why will with within without would yet you your yours ' +
    'actually already always another around away back bit currently etc fine get gets go going got great ' +
    'hmm instead know lgtm look looks lot make makes need needs new nit ok okay probably quite sure take thanks ' +
    'thought use used uses using want wants yes ' +
    // What is left of contractions once the apostrophe splits them (aren't -> aren, t).
    'aren isn wasn weren doesn didn don hasn haven hadn won wouldn couldn shouldn ain ' +
    // Verbs every review comment uses about the change itself, whatever its concern.
    'add added adding change changes changed changing made indeed make making ' +
    // Path and layout words every comment on a file has.
    'file reply src lib app internal pkg cmd ts tsx js jsx mjs py rb go rs java kt md yml yaml json index main'
  ).split(' '),
)

// Suffixes folded away so inflections meet: checks/checked/checking -> check.
const suffixes = ['ations', 'ation', 'ings', 'ing', 'ies', 'ied', 'es', 'ed', 'ly', 's']

/**
 * A crude, deterministic stem: strips one inflection suffix (undoubling the consonant `-ing` and `-ed`
 * leave behind: spamming -> spam), then keeps at most `prefix` characters.
 */
export function stem(word: string, prefix = 6): string {
  let base = word
  if (base.length > 4 && !base.endsWith('ss') && !base.endsWith('us') && !base.endsWith('is')) {
    for (const suffix of suffixes) {
      if (base.length - suffix.length >= 3 && base.endsWith(suffix)) {
        base = base.slice(0, -suffix.length) + (suffix === 'ies' || suffix === 'ied' ? 'y' : '')
        if ((suffix === 'ing' || suffix === 'ed') && /([b-df-hj-kmnp-rtv-z])\1$/.test(base)) base = base.slice(0, -1)
        break
      }
    }
  }
  return base.slice(0, prefix)
}

const tokenPattern = /[A-Za-z][A-Za-z0-9_]*|\d+(?:\.\d+)?/g
const partPattern = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g

function isUseful(word: string): boolean {
  return word.length >= 2 && !stopwords.has(word)
}

/**
 * The terms of a text: words, and identifiers split on camelCase, snake_case and digits (each part, plus the
 * whole identifier as one code term). Numbers become the term `#number`; stopwords and one-letter words go.
 */
export function extractTerms(text: string): Term[] {
  const terms: Term[] = []
  for (const match of text.matchAll(tokenPattern)) {
    const token = match[0]
    if (/^\d/.test(token)) {
      terms.push({ stem: '#number', surface: token, kind: 'code' })
      continue
    }
    const parts = token.match(partPattern) ?? []
    if (parts.length <= 1) {
      const word = token.toLowerCase()
      if (isUseful(word)) terms.push({ stem: stem(word), surface: word, kind: token === word ? 'word' : 'code' })
      continue
    }
    const whole = token.toLowerCase()
    terms.push({ stem: `=${whole}`, surface: token, kind: 'code' })
    for (const part of parts) {
      const word = part.toLowerCase()
      if (isUseful(word) && !/^\d/.test(word)) terms.push({ stem: stem(word), surface: word, kind: 'code' })
    }
  }
  return terms
}
