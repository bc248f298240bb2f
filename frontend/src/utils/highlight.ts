export interface TextPart {
  text: string
  match: boolean
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Splits `text` into parts, marking those that match one of the words of `query` (case-insensitive). */
export function highlightParts(text: string, query: string): TextPart[] {
  const words = Array.from(new Set(query.toLowerCase().split(/\s+/).filter((word) => word.length > 1)))
  if (!text || words.length === 0) return [{ text, match: false }]
  words.sort((a, b) => b.length - a.length)
  const pattern = new RegExp(`(${words.map(escapeRegExp).join('|')})`, 'gi')
  return text
    .split(pattern)
    .filter((part) => part !== '')
    .map((part) => ({ text: part, match: words.includes(part.toLowerCase()) }))
}
