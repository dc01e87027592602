/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { firstScreenPlugin } from './scripts/first-screen-plugin.ts';
import { serviceWorkerPlugin } from './scripts/service-worker-plugin.ts';

/**
 * The built site's Content-Security-Policy: scripts, workers, styles and data from the site only
 * (no inline script, no eval), images also from data:/blob: URLs (chart downloads), and no
 * request to any other origin. A meta tag, so it holds on any static host. Not in development:
 * the dev server's hot reload needs an inline script.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'dashboard-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// `base: './'` makes every asset URL relative, so the built site works from any static host,
// under any sub-path, and needs no rewrites.
export default defineConfig({
  base: './',
  plugins: [
    react(),
    contentSecurityPolicy(),
    firstScreenPlugin({ entry: '/src/prerender.tsx' }),
    serviceWorkerPlugin({ entry: 'src/service-worker/sw.ts', publicDir: 'public' }),
  ],
  // The parsing worker is an ES module, like the page.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  server: {
    port: 5173,
    strictPort: true,
  },
  preview: {
    port: 4173,
    strictPort: true,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    setupFiles: ['test/setup.ts'],
    // The theme's tokens are read as text by the chart palette: give tests the real file.
    css: { include: [/src\/ui\/theme\.css/] },
    restoreMocks: true,
    // Property tests run thousands of cases: on a busy machine they need more than 5 s.
    testTimeout: 30_000,
  },
});
