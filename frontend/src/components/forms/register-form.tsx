import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import * as z from 'zod'
import { useRegister } from '../../services/auth/register'
import { Button } from '../ui/button'
import { FormError } from '../ui/states'
import { Field, inputClass } from './field'
import { passwordRule } from './password-rule'
import { applyServerErrors } from './server-errors'

const schema = z.object({
  username: z
    .string()
    .trim()
    .min(1, 'Choose a username.')
    .max(150, 'A username has at most 150 characters.')
    .regex(/^[\w.@+-]+$/, 'Use letters, digits and . @ + - _ only.'),
  email: z.string().trim().min(1, 'Enter your email.').pipe(z.email('Enter a valid email address.')),
  password: passwordRule,
})
type RegisterValues = z.infer<typeof schema>
const FIELDS = ['username', 'email', 'password'] as const

export function RegisterForm({ onSuccess }: { onSuccess: () => void }) {
  const registration = useRegister()
  const [formError, setFormError] = useState('')
  const { register, handleSubmit, setError, formState } = useForm<RegisterValues>({
    resolver: zodResolver(schema),
    defaultValues: { username: '', email: '', password: '' },
  })
  const submit = handleSubmit(async (values) => {
    setFormError('')
    try {
      await registration.mutateAsync(values)
      onSuccess()
    } catch (error) {
      setFormError(applyServerErrors(error, setError, FIELDS))
    }
  })
  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      <FormError message={formError} />
      <Field label="Username" error={formState.errors.username?.message} hint="Shown on your profile and your launches.">
        {(props) => <input {...props} type="text" autoComplete="username" className={inputClass} {...register('username')} />}
      </Field>
      <Field label="Email" error={formState.errors.email?.message} hint="Never shown to anyone.">
        {(props) => <input {...props} type="email" autoComplete="email" className={inputClass} {...register('email')} />}
      </Field>
      <Field label="Password" error={formState.errors.password?.message} hint="At least 8 characters, not only digits, not a common one.">
        {(props) => <input {...props} type="password" autoComplete="new-password" className={inputClass} {...register('password')} />}
      </Field>
      <Button type="submit" size="lg" className="w-full" busy={formState.isSubmitting}>
        Create my account
      </Button>
    </form>
  )
}
