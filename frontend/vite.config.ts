/// <reference types="vitest/config" />
import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig, loadEnv } from 'vite'
import { envSchema } from './src/config/env-schema.ts'

const backend = process.env.VITRIN_BACKEND_URL ?? 'http://127.0.0.1:8000'

export default defineConfig(({ command, mode }) => {
  const parsed = envSchema.safeParse(loadEnv(mode, process.cwd(), 'VITE_'))
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `- ${issue.message}`).join('\n')
    throw new Error(`Invalid environment for the web app:\n${problems}`)
  }
  return {
    // Django serves the built files under STATIC_URL; the dev server serves them from the root.
    base: command === 'build' ? '/static/' : '/',
    define: Object.fromEntries(
      Object.entries(parsed.data).map(([key, value]) => [`import.meta.env.${key}`, JSON.stringify(value)]),
    ),
    plugins: [react(), tailwindcss()],
    server: {
      port: 3000,
      proxy: {
        '/api': { target: backend, changeOrigin: false },
        '/media': { target: backend, changeOrigin: false },
      },
    },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      sourcemap: false,
      assetsInlineLimit: 0,
      manifest: true,
    },
    test: {
      environment: 'jsdom',
      globals: true,
      setupFiles: ['./src/test/setup.ts'],
      include: ['src/**/*.test.{ts,tsx}'],
      css: false,
      restoreMocks: true,
      testTimeout: 20_000,
    },
  }
})
