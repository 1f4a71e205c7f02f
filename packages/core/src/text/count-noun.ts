/** "1 commit", "3 commits", "1,204 files": a count with thousands separators and its noun. */
export function count(value: number, noun: string, plural = `${noun}s`): string {
  return `${value.toLocaleString('en-US')} ${value === 1 ? noun : plural}`
}
