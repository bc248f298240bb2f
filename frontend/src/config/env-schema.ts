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
  // The share of page loads that report their Core Web Vitals (src/services/web-vitals.ts).
  VITE_VITALS_SAMPLE_RATE: z.coerce
    .number({ message: 'VITE_VITALS_SAMPLE_RATE must be a number between 0 and 1, such as 0.1.' })
    .min(0, 'VITE_VITALS_SAMPLE_RATE must be between 0 and 1.')
    .max(1, 'VITE_VITALS_SAMPLE_RATE must be between 0 and 1.')
    .default(0.1),
})

export type Env = z.infer<typeof envSchema>
