import { defineConfig } from 'vitest/config';

// During `npm run dev`, the API and the collaboration socket are forwarded to a locally running
// server (java -jar server/target/pledgepad.jar, port 8080 by default).
const backend = process.env.PLEDGEPAD_BACKEND ?? 'http://localhost:8080';

export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1024,
  },
  server: {
    proxy: {
      '/api': backend,
      '/collab': { target: backend.replace(/^http/, 'ws'), ws: true },
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
});
