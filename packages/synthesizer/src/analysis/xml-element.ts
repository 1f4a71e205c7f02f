import type { create } from 'xmlbuilder2'

/** An element under construction (xmlbuilder2 does not export its builder type by name). */
export type XmlElement = ReturnType<ReturnType<typeof create>['ele']>

/** A ratio 0..1 with two decimals, as an attribute value. */
export function ratio(value: number): string {
  return value.toFixed(2)
}

/** `text` cut to `max` characters with a visible mark. */
export function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… [cut, ${text.length - max} more chars]`
}

/** The `<omitted>` bookkeeping of one list: how many of how many were shown. */
export interface Omission {
  readonly section: string
  readonly shown: number
  readonly of: number
}

/** Adds `shown`/`of` attributes to a list element and records an omission when items were left out. */
export function listElement(
  parent: XmlElement,
  name: string,
  shown: number,
  of: number,
  omissions: Omission[],
  section = name,
): XmlElement {
  if (shown < of) omissions.push({ section, shown, of })
  return parent.ele(name, { shown: String(shown), of: String(of) })
}
