import * as z from 'zod'

/**
 * The web app's build-time settings. vite.config.ts parses the environment with this schema
 * when it builds or serves, so a wrong value stops the build instead of breaking the browser,
 * and zod stays out of the bundle that every visitor downloads.
 */
export const envSchema = z.object({
  VITE_API_BASE_URL: z
    .string()
    .regex(/^(\/|https?:\/\/)/, 'VITE_API_BASE_URL must be a path such as /api or an http(s) URL.')
    .default('/api'),
})

export type Env = z.infer<typeof envSchema>
