import { useNavigate, useParams } from 'react-router'
import { useDocumentTitle } from '../../../hooks/use-document-title'
import { useSession } from '../../../hooks/use-session'
import { ApiError } from '../../../services/api'
import { useProduct } from '../../../services/products/get-product'
import { useSaveProduct } from '../../../services/products/save-product'
import type { Product } from '../../../types/models'
import { productPath } from '../../../paths'
import { EMPTY_PRODUCT, ProductForm, type ProductFormValues } from '../../forms/product-form'
import { RequireUser } from '../../ui/require-user'
import { Skeleton } from '../../ui/skeleton'
import { ErrorState } from '../../ui/states'
import { NotFoundContent } from '../not-found/not-found-page'

export default function ProductEditorPage() {
  const { id } = useParams()
  return <RequireUser>{id === undefined ? <NewProduct /> : <EditProduct id={Number(id)} />}</RequireUser>
}

function EditorShell({ title, subtitle, children }: { title: string; subtitle: string; children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm font-semibold tracking-widest text-brass uppercase">Your launch</p>
      <h1 className="font-display mt-1 text-3xl font-semibold sm:text-4xl">{title}</h1>
      <p className="mt-2 text-muted">{subtitle}</p>
      <div className="mt-8 rounded-[2rem] border border-line bg-surface p-5 sm:p-8">{children}</div>
    </div>
  )
}

/** What the product page is told after a save: a saved draft gets a confirmation and the way to find it again. */
function savedState(product: Product): { saved: 'draft' } | null {
  return product.status === 'draft' ? { saved: 'draft' } : null
}

function NewProduct() {
  useDocumentTitle('Submit a product')
  const navigate = useNavigate()
  const save = useSaveProduct()
  return (
    <EditorShell title="Put your product in the window" subtitle="Save it as a draft to finish later: only you can see drafts.">
      <ProductForm
        initial={EMPTY_PRODUCT}
        onSubmit={async (input) => {
          const product = await save.mutateAsync(input)
          void navigate(productPath(product), { state: savedState(product) })
        }}
      />
    </EditorShell>
  )
}

function toFormValues(product: Product): ProductFormValues {
  return {
    title: product.title,
    tagline: product.tagline,
    description: product.description,
    url: product.url,
    category: product.category.slug,
    image: product.image,
    gallery: product.gallery,
    tags: product.tags,
  }
}

function EditProduct({ id }: { id: number }) {
  const { user } = useSession()
  const navigate = useNavigate()
  const product = useProduct(id)
  const save = useSaveProduct(id)
  useDocumentTitle(product.data ? `Edit ${product.data.title}` : 'Edit')
  if (!Number.isInteger(id)) return <NotFoundContent what="product" />
  if (product.isPending) return <Skeleton className="mx-auto h-[40rem] max-w-3xl rounded-[2rem]" />
  // Only a 404 is left here: any other failure went to the route's error boundary.
  if (product.isError) return <NotFoundContent what="product" />
  if (product.data.author.id !== user?.id) {
    return <ErrorState error={new ApiError(403, 'Only its maker can edit this product.')} title="Not yours to edit" />
  }
  return (
    <EditorShell title={`Edit ${product.data.title}`} subtitle={product.data.status === 'draft' ? 'This is a draft: publish it when it is ready.' : 'Changes show at once.'}>
      <ProductForm
        initial={toFormValues(product.data)}
        status={product.data.status}
        onSubmit={async (input) => {
          const saved = await save.mutateAsync(input)
          void navigate(productPath(saved), { state: savedState(saved) })
        }}
      />
    </EditorShell>
  )
}
