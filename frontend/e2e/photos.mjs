// @ts-check
/**
 * Phone photos for the tests that measure what images cost: 12-megapixel JPEGs (4000 x 3000,
 * 3-5 MB) made with Pillow, and their upload through the API as a maker would send them.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FRONTEND } from './backend.mjs'

// A photo-like picture: smooth light with grain, which JPEG cannot squeeze much (as a phone's).
const MAKE_PHOTOS = `
import sys
from PIL import Image, ImageFilter
for index, path in enumerate(sys.argv[1:]):
    light = Image.radial_gradient("L").resize((4000, 3000)).rotate(index * 40)
    grain = Image.effect_noise((4000, 3000), 60 + index * 2)
    picture = Image.merge("RGB", (light, Image.blend(light, grain, 0.35), grain.filter(ImageFilter.GaussianBlur(1.5))))
    picture.save(path, format="JPEG", quality=85)
`

/**
 * Makes `count` different photos in a new temporary folder; `remove()` deletes it.
 * @param {number} count
 */
export function makePhotos(count) {
  const folder = mkdtempSync(join(tmpdir(), 'vitrin-photos-'))
  const paths = Array.from({ length: count }, (_, index) => join(folder, `photo-${index}.jpg`))
  execFileSync(join(FRONTEND, '../.venv/bin/python'), ['-c', MAKE_PHOTOS, ...paths])
  return { paths, remove: () => rmSync(folder, { recursive: true, force: true }) }
}

/**
 * Sends the photo at `path` to POST /api/uploads/ as the holder of `token` (an access token);
 * the stored upload's URL and size, or an error naming the status and body when it is not a 201.
 * @param {string} baseUrl @param {string} path @param {string} token
 * @returns {Promise<{ url: string, size: number }>}
 */
export async function uploadPhoto(baseUrl, path, token) {
  const form = new FormData()
  form.append('file', new Blob([readFileSync(path)], { type: 'image/jpeg' }), 'phone.jpg')
  const response = await fetch(`${baseUrl}/api/uploads/`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form })
  const text = await response.text()
  if (response.status !== 201) throw new Error(`POST /api/uploads/ answered ${response.status}: ${text}`)
  return JSON.parse(text)
}
