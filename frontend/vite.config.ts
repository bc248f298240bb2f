/// <reference types="vitest/config" />
import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig, loadEnv } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
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
    plugins: [
      react(),
      tailwindcss(),
      // The service worker (src/sw.ts) and the manifest are served by Django at the site's root
      // (backend/webapp/views.py), so their base is '/' while the assets stay under /static/.
      VitePWA({
        strategies: 'injectManifest',
        srcDir: 'src',
        filename: 'sw.ts',
        base: '/',
        scope: '/',
        registerType: 'prompt',
        // Registered by the app itself, after the first page has loaded (src/services/service-worker.ts).
        injectRegister: false,
        manifest: {
          id: '/',
          name: 'Vitrin',
          short_name: 'Vitrin',
          description: 'Where makers launch their products and the community upvotes, discusses and follows them.',
          start_url: '/',
          scope: '/',
          display: 'standalone',
          background_color: '#faf6f0',
          theme_color: '#c2410c',
          icons: [
            { src: '/static/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
            { src: '/static/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
            { src: '/static/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
            { src: '/static/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          ],
        },
        // The manifest's icons are precached from public/ by their own names (icons/…).
        includeManifestIcons: false,
        injectManifest: {
          // The shell (index.html, served as '/'), the hashed assets and the latin fonts: what the
          // first page needs, offline too. Other scripts' fonts load when a page needs them.
          globPatterns: ['index.html', 'assets/*.{js,css}', 'assets/*latin-wght-normal*.woff2', 'favicon.svg', 'icons/icon-192.png'],
        },
      }),
    ],
    server: {
      port: 3000,
      proxy: {
        '/api': { target: backend, changeOrigin: false },
        '/media': { target: backend, changeOrigin: false },
      },
    },
    experimental: {
      // Scripts and styles find each other relative to their own URL, so the same build works
      // with the assets on this server (/static/) or on a CDN (ASSETS_URL; Django rewrites the
      // references of index.html and tells the service worker where they are).
      renderBuiltUrl: (_filename: string, { hostType }: { hostType: 'js' | 'css' | 'html' }) =>
        hostType === 'html' ? undefined : { relative: true },
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
