/**
 * The settings the app was built with, already validated by `envSchema` (see vite.config.ts,
 * which refuses to build with an invalid environment and fills in the defaults).
 */
export const env = {
  apiBaseUrl: (import.meta.env.VITE_API_BASE_URL as string).replace(/\/$/, ''),
  vitalsSampleRate: import.meta.env.VITE_VITALS_SAMPLE_RATE as number,
} as const
