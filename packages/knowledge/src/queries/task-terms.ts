const stopwords = new Set(
  'the and for with that this from into onto when then than what which while will would should could have has had are was were not but its our your their them they you add make use new fix change update code file files support allow about after before also only just more most some such very'.split(
    ' ',
  ),
)

/** The words of a task or query worth matching: lower-cased, three letters or more, no stopwords, at most eight. */
export function taskTerms(text: string | undefined): string[] {
  if (text === undefined) return []
  const words = text.toLowerCase().match(/[\p{L}\p{N}_]{3,}/gu) ?? []
  return [...new Set(words.filter((word) => !stopwords.has(word)))].slice(0, 8)
}

/** How many of the terms occur in the text. */
export function termHits(terms: readonly string[], text: string): number {
  if (terms.length === 0) return 0
  const lower = text.toLowerCase()
  let hits = 0
  for (const term of terms) if (lower.includes(term)) hits++
  return hits
}
