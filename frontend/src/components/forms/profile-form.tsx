import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { Link } from 'react-router'
import * as z from 'zod'
import { useUpdateMe } from '../../services/auth/me'
import { limits } from '../../types/limits'
import type { Me } from '../../types/models'
import { Button } from '../ui/button'
import { FormError } from '../ui/states'
import { Field, inputClass } from './field'
import { ImageUpload } from './image-upload'
import { applyServerErrors } from './server-errors'

/** The API's limits for a profile, from its schema (src/types/limits.ts). */
const LIMITS = limits.PatchedProfileUpdateInputRequest
const schema = z.object({
  first_name: z.string().trim().max(LIMITS.first_name.maxLength, `At most ${LIMITS.first_name.maxLength} characters.`),
  last_name: z.string().trim().max(LIMITS.last_name.maxLength, `At most ${LIMITS.last_name.maxLength} characters.`),
  bio: z.string().trim().max(LIMITS.bio.maxLength, `A bio has at most ${LIMITS.bio.maxLength} characters.`),
  website: z
    .string()
    .trim()
    .refine((value) => value === '' || /^https?:\/\/\S+$/i.test(value), 'Enter a full link starting with http:// or https://.'),
  avatar: z.string(),
})
type ProfileValues = z.infer<typeof schema>
const FIELDS = ['first_name', 'last_name', 'bio', 'website', 'avatar'] as const

export function ProfileForm({ user }: { user: Me }) {
  const update = useUpdateMe()
  const [formError, setFormError] = useState('')
  const [saved, setSaved] = useState(false)
  const { register, control, handleSubmit, setError, formState, reset } = useForm<ProfileValues>({
    resolver: zodResolver(schema),
    defaultValues: {
      first_name: user.first_name,
      last_name: user.last_name,
      bio: user.bio,
      website: user.website,
      avatar: user.avatar ?? '',
    },
  })
  const errors = formState.errors
  const submit = handleSubmit(async (values) => {
    setFormError('')
    setSaved(false)
    try {
      const me = await update.mutateAsync(values)
      reset({ first_name: me.first_name, last_name: me.last_name, bio: me.bio, website: me.website, avatar: me.avatar ?? '' })
      setSaved(true)
    } catch (error) {
      setFormError(applyServerErrors(error, setError, FIELDS))
    }
  })
  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <FormError message={formError} />
      <Controller
        control={control}
        name="avatar"
        render={({ field, fieldState }) => (
          <ImageUpload label="Avatar" shape="round" value={field.value} onChange={field.onChange} error={fieldState.error?.message} hint="A square photo or logo, up to 5 MB." />
        )}
      />
      <div className="grid grid-cols-1 gap-6 sm:grid-cols-2">
        <Field label="First name" optional error={errors.first_name?.message}>
          {(props) => <input {...props} type="text" autoComplete="given-name" className={inputClass} {...register('first_name')} />}
        </Field>
        <Field label="Last name" optional error={errors.last_name?.message}>
          {(props) => <input {...props} type="text" autoComplete="family-name" className={inputClass} {...register('last_name')} />}
        </Field>
      </div>
      <Field label="Bio" optional error={errors.bio?.message} hint="A line or two about you and what you make.">
        {(props) => <textarea {...props} rows={4} className={`${inputClass} resize-y`} {...register('bio')} />}
      </Field>
      <Field label="Website" optional error={errors.website?.message}>
        {(props) => <input {...props} type="url" inputMode="url" autoComplete="url" placeholder="https://" className={inputClass} {...register('website')} />}
      </Field>
      <div className="flex flex-wrap items-center justify-between gap-4 border-t border-line pt-6">
        <Link to={`/users/${user.username}`} className="text-sm font-semibold text-accent hover:underline">
          See your profile
        </Link>
        <div className="flex items-center gap-3">
          {saved && !formState.isDirty && (
            <span role="status" className="text-sm font-medium text-success">
              Saved
            </span>
          )}
          <Button type="submit" size="lg" busy={formState.isSubmitting}>
            Save profile
          </Button>
        </div>
      </div>
    </form>
  )
}
