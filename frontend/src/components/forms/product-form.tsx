import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { Controller, useForm, useWatch } from 'react-hook-form'
import * as z from 'zod'
import { useCategories } from '../../services/categories/get-categories'
import type { ProductInput } from '../../services/products/save-product'
import { limits } from '../../types/limits'
import type { ProductStatus } from '../../types/models'
import { Button } from '../ui/button'
import { FormError } from '../ui/states'
import { Field, inputClass } from './field'
import { GalleryEditor, MAX_GALLERY } from './gallery-editor'
import { ImageUpload } from './image-upload'
import { applyServerErrors } from './server-errors'
import { MAX_TAGS, MAX_TAG_LENGTH, TagsInput } from './tags-input'

/** The API's limits for a product, from its schema (src/types/limits.ts). */
const LIMITS = limits.ProductCreateInputRequest
const count = (n: number) => n.toLocaleString('en')

/** The API's rules for a product (shared API.md), checked before anything is sent. */
const schema = z.object({
  title: z
    .string()
    .trim()
    .min(1, 'Give your product a name.')
    .max(LIMITS.title.maxLength, `A title has at most ${count(LIMITS.title.maxLength)} characters.`),
  tagline: z.string().trim().max(LIMITS.tagline.maxLength, `A tagline has at most ${count(LIMITS.tagline.maxLength)} characters.`),
  description: z
    .string()
    .trim()
    .max(LIMITS.description.maxLength, `A description has at most ${count(LIMITS.description.maxLength)} characters.`),
  url: z
    .string()
    .trim()
    .refine((value) => value === '' || /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(value), 'Enter a full link starting with http:// or https://.'),
  category: z.string().min(1, 'Choose a category.'),
  image: z.string(),
  gallery: z.array(z.string()).max(MAX_GALLERY, `At most ${MAX_GALLERY} gallery images.`),
  tags: z
    .array(z.string().min(1).max(MAX_TAG_LENGTH, `A tag has at most ${MAX_TAG_LENGTH} characters.`))
    .max(MAX_TAGS, `At most ${MAX_TAGS} tags.`),
})
export type ProductFormValues = z.infer<typeof schema>
const FIELDS = ['title', 'tagline', 'description', 'url', 'category', 'image', 'gallery', 'tags'] as const

export const EMPTY_PRODUCT: ProductFormValues = {
  title: '',
  tagline: '',
  description: '',
  url: '',
  category: '',
  image: '',
  gallery: [],
  tags: [],
}

interface ProductFormProps {
  initial: ProductFormValues
  /** The product's current status; a published product is saved as published. */
  status?: ProductStatus
  onSubmit: (input: ProductInput) => Promise<unknown>
}

export function ProductForm({ initial, status, onSubmit }: ProductFormProps) {
  const categories = useCategories()
  const [formError, setFormError] = useState('')
  const [intent, setIntent] = useState<ProductStatus>('published')
  const { register, control, handleSubmit, setError, formState } = useForm<ProductFormValues>({
    resolver: zodResolver(schema),
    defaultValues: initial,
  })
  const tagline = useWatch({ control, name: 'tagline' })
  const errors = formState.errors

  const save = (target: ProductStatus) =>
    handleSubmit(async (values) => {
      setIntent(target)
      setFormError('')
      try {
        await onSubmit({ ...values, status: target })
      } catch (error) {
        setFormError(applyServerErrors(error, setError, FIELDS))
      }
    })

  return (
    <form onSubmit={(event) => void save('published')(event)} noValidate className="space-y-7">
      <FormError message={formError} />
      {Object.keys(errors).length > 0 && !formError && (
        <p role="alert" className="text-sm font-medium text-danger">
          Some fields need a look before this can be saved.
        </p>
      )}
      <Field label="Name" error={errors.title?.message}>
        {(props) => <input {...props} type="text" maxLength={LIMITS.title.maxLength} className={inputClass} {...register('title')} />}
      </Field>
      <Field label="Tagline" optional error={errors.tagline?.message} hint={`${tagline.length}/160 — one sentence that says what it does.`}>
        {(props) => <input {...props} type="text" maxLength={LIMITS.tagline.maxLength} className={inputClass} {...register('tagline')} />}
      </Field>
      <div className="grid grid-cols-1 gap-7 sm:grid-cols-2">
        <Field label="Link" optional error={errors.url?.message} hint="Where people can try it.">
          {(props) => <input {...props} type="url" inputMode="url" placeholder="https://" className={inputClass} {...register('url')} />}
        </Field>
        <Field label="Category" error={errors.category?.message}>
          {(props) => (
            <select {...props} className={inputClass} {...register('category')} disabled={categories.isPending}>
              <option value="">{categories.isPending ? 'Loading categories…' : 'Choose a category'}</option>
              {(categories.data ?? []).map((category) => (
                <option key={category.slug} value={category.slug}>
                  {category.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label="Description" optional error={errors.description?.message} hint="Plain text; blank lines start new paragraphs.">
        {(props) => <textarea {...props} rows={7} className={`${inputClass} resize-y`} {...register('description')} />}
      </Field>
      <Controller
        control={control}
        name="image"
        render={({ field, fieldState }) => (
          <ImageUpload
            label="Thumbnail"
            value={field.value}
            onChange={field.onChange}
            error={fieldState.error?.message}
            hint="A square image works best. JPEG, PNG, WebP or GIF, up to 5 MB."
          />
        )}
      />
      <Controller
        control={control}
        name="gallery"
        render={({ field, fieldState }) => <GalleryEditor value={field.value} onChange={field.onChange} error={fieldState.error?.message} />}
      />
      <Controller
        control={control}
        name="tags"
        render={({ field, fieldState }) => (
          <Field label="Tags" optional error={fieldState.error?.message} hint={`Up to ${MAX_TAGS}, like “productivity” or “open source”.`}>
            {(props) => (
              <TagsInput
                id={props.id}
                value={field.value}
                onChange={field.onChange}
                describedBy={props['aria-describedby']}
                invalid={props['aria-invalid']}
              />
            )}
          </Field>
        )}
      />
      <div className="flex flex-col-reverse gap-3 border-t border-line pt-6 sm:flex-row sm:justify-end">
        {status !== 'published' && (
          <Button variant="secondary" size="lg" busy={formState.isSubmitting && intent === 'draft'} disabled={formState.isSubmitting} onClick={() => void save('draft')()}>
            Save as draft
          </Button>
        )}
        <Button type="submit" size="lg" busy={formState.isSubmitting && intent === 'published'} disabled={formState.isSubmitting}>
          {status === 'published' ? 'Save changes' : 'Publish'}
        </Button>
      </div>
    </form>
  )
}
