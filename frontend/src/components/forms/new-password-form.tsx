import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import * as z from 'zod'
import { ApiError } from '../../services/api'
import { Button } from '../ui/button'
import { FormError } from '../ui/states'
import { Field, inputClass } from './field'
import { passwordRule } from './password-rule'
import { applyServerErrors } from './server-errors'

interface NewPasswordFormProps {
  /** Asks for the current password too (a change while signed in, not a reset). */
  withOldPassword: boolean
  submitLabel: string
  onSubmit: (values: { old_password: string; new_password: string }) => Promise<unknown>
}

const schema = z
  .object({
    old_password: z.string(),
    new_password: passwordRule,
    confirm: z.string(),
  })
  .refine((values) => values.new_password === values.confirm, {
    path: ['confirm'],
    message: 'The two passwords are different.',
  })
type NewPasswordValues = z.infer<typeof schema>

/** Choosing a new password: after a reset link, or as a change from the settings. */
export function NewPasswordForm({ withOldPassword, submitLabel, onSubmit }: NewPasswordFormProps) {
  const [formError, setFormError] = useState('')
  const { register, handleSubmit, setError, formState } = useForm<NewPasswordValues>({
    resolver: zodResolver(
      withOldPassword
        ? schema.refine((values) => values.old_password.length > 0, { path: ['old_password'], message: 'Enter your current password.' })
        : schema,
    ),
    defaultValues: { old_password: '', new_password: '', confirm: '' },
  })
  const submit = handleSubmit(async ({ old_password, new_password }) => {
    setFormError('')
    try {
      await onSubmit({ old_password, new_password })
    } catch (error) {
      const message = applyServerErrors(error, setError, ['old_password', 'new_password'])
      setFormError(
        error instanceof ApiError && (error.fieldErrors.token || error.fieldErrors.uid)
          ? 'This reset link is invalid or was already used. Ask for a new one.'
          : message,
      )
    }
  })
  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      <FormError message={formError} />
      {withOldPassword && (
        <Field label="Current password" error={formState.errors.old_password?.message}>
          {(props) => <input {...props} type="password" autoComplete="current-password" className={inputClass} {...register('old_password')} />}
        </Field>
      )}
      <Field label="New password" error={formState.errors.new_password?.message} hint="At least 8 characters, not only digits, not a common one.">
        {(props) => <input {...props} type="password" autoComplete="new-password" className={inputClass} {...register('new_password')} />}
      </Field>
      <Field label="New password, again" error={formState.errors.confirm?.message}>
        {(props) => <input {...props} type="password" autoComplete="new-password" className={inputClass} {...register('confirm')} />}
      </Field>
      <Button type="submit" size="lg" className="w-full" busy={formState.isSubmitting}>
        {submitLabel}
      </Button>
    </form>
  )
}
