import { zodResolver } from '@hookform/resolvers/zod'
import { useId, useState } from 'react'
import { useForm } from 'react-hook-form'
import * as z from 'zod'
import { limits } from '../../types/limits'
import { Button } from '../ui/button'
import { FormError } from '../ui/states'
import { applyServerErrors } from './server-errors'

export const MAX_COMMENT_LENGTH = limits.CommentCreateInputRequest.content.maxLength

const schema = z.object({
  content: z
    .string()
    .trim()
    .min(1, 'Write something first.')
    .max(MAX_COMMENT_LENGTH, `A comment has at most ${MAX_COMMENT_LENGTH} characters.`),
})
type CommentValues = z.infer<typeof schema>

interface CommentFormProps {
  label: string
  submitLabel: string
  initial?: string
  autoFocus?: boolean
  onSubmit: (content: string) => Promise<unknown>
  onCancel?: () => void
}

export default function CommentForm({ label, submitLabel, initial = '', autoFocus = false, onSubmit, onCancel }: CommentFormProps) {
  const id = useId()
  const [formError, setFormError] = useState('')
  const { register, handleSubmit, reset, setError, formState } = useForm<CommentValues>({
    resolver: zodResolver(schema),
    defaultValues: { content: initial },
  })
  const error = formState.errors.content?.message
  const submit = handleSubmit(async ({ content }) => {
    setFormError('')
    try {
      await onSubmit(content)
      reset({ content: '' })
    } catch (failure) {
      setFormError(applyServerErrors(failure, setError, ['content']))
    }
  })
  return (
    <form onSubmit={submit} noValidate className="space-y-2">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <textarea
        id={id}
        rows={3}
        // Only a reply or an edit the reader has just opened takes the focus, never a page load.
        // eslint-disable-next-line jsx-a11y/no-autofocus
        autoFocus={autoFocus}
        placeholder={label}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
        className="block w-full resize-y rounded-2xl border border-line bg-surface px-4 py-3 text-base placeholder:text-muted focus:border-accent focus:outline-none aria-[invalid=true]:border-danger sm:text-sm"
        {...register('content')}
      />
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-danger">
          {error}
        </p>
      )}
      <FormError message={formError} />
      <div className="flex justify-end gap-2">
        {onCancel && (
          <Button variant="ghost" size="sm" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <Button type="submit" size="sm" busy={formState.isSubmitting}>
          {submitLabel}
        </Button>
      </div>
    </form>
  )
}
