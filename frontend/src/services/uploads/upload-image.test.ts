import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { API, server } from '../../test/server'
import { ApiError, currentAccessToken, setAccessToken, setSessionExpiredHandler } from '../api'
import { uploadImage } from './upload-image'

function pngFile() {
  return new File([new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10])], 'cover.png', { type: 'image/png' })
}

const UPLOADED = { id: 7, url: '/media/uploads/cover.png', width: 1, height: 1 }

afterEach(() => setSessionExpiredHandler(null))

describe('uploading an image through the one HTTP client', () => {
  it('refreshes once on a 401 and sends the file again with the new token', async () => {
    setAccessToken('expired')
    const seen: (string | null)[] = []
    const sizes: (string | null)[] = []
    let refreshes = 0
    server.use(
      http.post(`${API}/uploads/`, async ({ request }) => {
        const auth = request.headers.get('Authorization')
        seen.push(auth)
        const file = (await request.formData()).get('file')
        // jsdom's File and node's are different classes: read the part by its shape.
        sizes.push(typeof file === 'string' || file === null ? null : `${file.size} bytes`)
        return auth === 'Bearer fresh' ? HttpResponse.json(UPLOADED, { status: 201 }) : HttpResponse.json({ detail: 'Token expired.' }, { status: 401 })
      }),
      http.post(`${API}/auth/refresh/`, () => {
        refreshes += 1
        return HttpResponse.json({ access: 'fresh' })
      }),
    )
    const progress: number[] = []

    const upload = await uploadImage(pngFile(), { onProgress: (fraction) => progress.push(fraction) })

    expect(upload).toEqual(UPLOADED)
    expect(seen).toEqual(['Bearer expired', 'Bearer fresh'])
    expect(sizes).toEqual(['8 bytes', '8 bytes'])
    expect(refreshes).toBe(1)
    expect(currentAccessToken()).toBe('fresh')
    expect(progress.at(-1)).toBe(1)
  })

  it('ends the session when the refresh is refused, like every other request', async () => {
    setAccessToken('expired')
    const expired = vi.fn()
    setSessionExpiredHandler(expired)
    server.use(
      http.post(`${API}/uploads/`, () => HttpResponse.json({ detail: 'Token expired.' }, { status: 401 })),
      http.post(`${API}/auth/refresh/`, () => HttpResponse.json({ detail: 'Token is blacklisted.' }, { status: 401 })),
    )

    const error = await uploadImage(pngFile()).catch((failure: unknown) => failure)

    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).status).toBe(401)
    expect(expired).toHaveBeenCalledTimes(1)
    expect(currentAccessToken()).toBeNull()
  })

  it("words a refusal with the server's message and its field errors", async () => {
    setAccessToken('valid')
    server.use(
      http.post(`${API}/uploads/`, () =>
        HttpResponse.json({ file: ['Upload a valid image. The file you uploaded was either not an image or a corrupted image.'] }, { status: 400 }),
      ),
    )

    const error = await uploadImage(pngFile()).catch((failure: unknown) => failure)

    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).status).toBe(400)
    expect((error as ApiError).message).toBe('That did not work. Please check and try again.')
    expect((error as ApiError).fieldErrors).toEqual({
      file: ['Upload a valid image. The file you uploaded was either not an image or a corrupted image.'],
    })
  })

  it('says when to come back after a 429, from its Retry-After header', async () => {
    setAccessToken('valid')
    server.use(
      http.post(`${API}/uploads/`, () =>
        HttpResponse.json({ detail: 'Request was throttled. Expected available in 42 seconds.' }, { status: 429, headers: { 'Retry-After': '42' } }),
      ),
    )

    const error = await uploadImage(pngFile()).catch((failure: unknown) => failure)

    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).message).toBe('Request was throttled. Expected available in 42 seconds.')
    expect((error as ApiError).retryAfter).toBe(42)
  })

  it('says the file is too large on a 413 without a body', async () => {
    setAccessToken('valid')
    server.use(http.post(`${API}/uploads/`, () => new HttpResponse(null, { status: 413 })))

    await expect(uploadImage(pngFile())).rejects.toThrow('That file is too large.')
  })
})
