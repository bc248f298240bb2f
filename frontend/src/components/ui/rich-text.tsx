/**
 * A user's text, shown as text: paragraphs on blank lines, line breaks kept. It only ever
 * becomes React text nodes, so no markup a user typed reaches the DOM as markup.
 */
export function PlainText({ text, className }: { text: string; className?: string }) {
  const paragraphs = text.split(/\n{2,}/).filter((paragraph) => paragraph.trim() !== '')
  return (
    <div className={className}>
      {paragraphs.map((paragraph, index) => (
        <p key={index} className="whitespace-pre-line [&:not(:first-child)]:mt-4">
          {paragraph}
        </p>
      ))}
    </div>
  )
}
