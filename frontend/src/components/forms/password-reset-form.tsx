import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import * as z from 'zod'
import { usePasswordResetRequest } from '../../services/auth/password-reset'
import { Button } from '../ui/button'
import { FormError } from '../ui/states'
import { Field, inputClass } from './field'
import { applyServerErrors } from './server-errors'

const schema = z.object({
  email: z.string().trim().min(1, 'Enter your email.').pipe(z.email('Enter a valid email address.')),
})
type ResetValues = z.infer<typeof schema>

export function PasswordResetForm() {
  const reset = usePasswordResetRequest()
  const [sentTo, setSentTo] = useState('')
  const [formError, setFormError] = useState('')
  const { register, handleSubmit, setError, formState } = useForm<ResetValues>({
    resolver: zodResolver(schema),
    defaultValues: { email: '' },
  })
  if (sentTo) {
    return (
      <p role="status" className="rounded-2xl bg-sunken px-4 py-4 text-sm">
        If an account uses <strong>{sentTo}</strong>, a link to choose a new password is on its way. It works for one hour.
      </p>
    )
  }
  const submit = handleSubmit(async ({ email }) => {
    setFormError('')
    try {
      await reset.mutateAsync(email)
      setSentTo(email)
    } catch (error) {
      setFormError(applyServerErrors(error, setError, ['email']))
    }
  })
  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      <FormError message={formError} />
      <Field label="Email" error={formState.errors.email?.message}>
        {(props) => <input {...props} type="email" autoComplete="email" className={inputClass} {...register('email')} />}
      </Field>
      <Button type="submit" size="lg" className="w-full" busy={formState.isSubmitting}>
        Send me a reset link
      </Button>
    </form>
  )
}
