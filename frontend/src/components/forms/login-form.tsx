import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { Link } from 'react-router'
import * as z from 'zod'
import { ApiError } from '../../services/api'
import { useLogin } from '../../services/auth/login'
import { Button } from '../ui/button'
import { FormError } from '../ui/states'
import { Field, inputClass } from './field'
import { applyServerErrors } from './server-errors'

const schema = z.object({
  login: z.string().trim().min(1, 'Enter your email or username.'),
  password: z.string().min(1, 'Enter your password.'),
})
type LoginValues = z.infer<typeof schema>

export function LoginForm({ onSuccess }: { onSuccess: () => void }) {
  const login = useLogin()
  const [formError, setFormError] = useState('')
  const { register, handleSubmit, setError, formState } = useForm<LoginValues>({
    resolver: zodResolver(schema),
    defaultValues: { login: '', password: '' },
  })
  const submit = handleSubmit(async (values) => {
    setFormError('')
    try {
      await login.mutateAsync(values)
      onSuccess()
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setFormError('That email or username and password do not match. Check them and try again.')
      } else {
        setFormError(applyServerErrors(error, setError, ['password'], { email: 'login', username: 'login' }))
      }
    }
  })
  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      <FormError message={formError} />
      <Field label="Email or username" error={formState.errors.login?.message}>
        {(props) => <input {...props} type="text" autoComplete="username" className={inputClass} {...register('login')} />}
      </Field>
      <Field label="Password" error={formState.errors.password?.message}>
        {(props) => <input {...props} type="password" autoComplete="current-password" className={inputClass} {...register('password')} />}
      </Field>
      <div className="flex items-center justify-between gap-4">
        <Link to="/password/reset" className="text-sm font-semibold text-accent hover:underline">
          Forgot your password?
        </Link>
        <Button type="submit" size="lg" busy={formState.isSubmitting}>
          Log in
        </Button>
      </div>
    </form>
  )
}
