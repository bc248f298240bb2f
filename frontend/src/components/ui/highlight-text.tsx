import type { HighlightSegment } from '../../types/models'
import { highlightParts, type TextPart } from '../../utils/highlight'

/** Marked parts of a text; always text nodes, never markup. */
export function HighlightSegments({ segments }: { segments: readonly (HighlightSegment | TextPart)[] }) {
  return (
    <>
      {segments.map((part, index) =>
        part.match ? (
          <mark key={index} className="rounded bg-mark px-0.5 text-ink">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  )
}

/** Text with the words of `query` marked; always text nodes, never markup. */
export function HighlightText({ text, query }: { text: string; query: string }) {
  if (!query.trim()) return <>{text}</>
  return <HighlightSegments segments={highlightParts(text, query)} />
}
