/** The JSON value in `text`; null for null or text that is not JSON (a damaged row reads as missing). */
export function parseJson(text: string | null): unknown {
  if (text === null) return null
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
