import { useState, type KeyboardEvent } from 'react'
import { CloseIcon } from '../ui/icons'
import { limits } from '../../types/limits'
import { inputClass } from './field'

/** The API's limits for a product's tags, from its schema. */
export const MAX_TAGS = limits.ProductCreateInputRequest.tags.maxItems
export const MAX_TAG_LENGTH = limits.ProductCreateInputRequest.tags.items.maxLength


interface TagsInputProps {
  id: string
  value: string[]
  onChange: (tags: string[]) => void
  describedBy?: string | undefined
  invalid?: boolean
}

export function normalizeTag(text: string): string {
  return text.trim().replace(/^#/, '').toLowerCase().slice(0, MAX_TAG_LENGTH)
}

/** Tags as chips: Enter or a comma adds the typed tag, Backspace on an empty box removes the last. */
export function TagsInput({ id, value, onChange, describedBy, invalid = false }: TagsInputProps) {
  const [text, setText] = useState('')
  const add = (...raws: string[]) => {
    const next = [...value]
    for (const tag of raws.map(normalizeTag)) {
      if (tag && !next.includes(tag) && next.length < MAX_TAGS) next.push(tag)
    }
    if (next.length !== value.length) onChange(next)
    setText('')
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault()
      add(text)
    } else if (event.key === 'Backspace' && text === '' && value.length > 0) {
      onChange(value.slice(0, -1))
    }
  }
  return (
    <div className="space-y-2">
      {value.length > 0 && (
        <ul className="flex flex-wrap gap-2" aria-label="Tags">
          {value.map((tag) => (
            <li key={tag} className="inline-flex items-center gap-1 rounded-full bg-brass-soft py-1 pr-1 pl-3 text-sm font-medium text-brass">
              #{tag}
              <button
                type="button"
                onClick={() => onChange(value.filter((other) => other !== tag))}
                aria-label={`Remove tag ${tag}`}
                className="flex size-6 items-center justify-center rounded-full hover:bg-surface"
              >
                <CloseIcon size={14} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        type="text"
        value={text}
        disabled={value.length >= MAX_TAGS}
        onChange={(event) => {
          const typed = event.target.value
          if (typed.includes(',')) add(...typed.split(','))
          else setText(typed)
        }}
        onKeyDown={onKeyDown}
        onBlur={() => text && add(text)}
        maxLength={MAX_TAG_LENGTH + 1}
        placeholder={value.length >= MAX_TAGS ? `At most ${MAX_TAGS} tags` : 'Type a tag and press Enter'}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        className={inputClass}
      />
    </div>
  )
}
