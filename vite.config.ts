import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// The web app lives in web/ and is built into dist/web, which the server serves.
// web/static is copied as is; web/public is reserved for the public register pages.
const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const api = 'http://localhost:3000';

export default defineConfig({
  root: here('./web'),
  publicDir: here('./web/static'),
  plugins: [react(), tailwindcss()],
  build: {
    outDir: here('./dist/web'),
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // React and the other libraries change less often than the app: a separate, long-cached chunk.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 2,
            },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/healthz': { target: api, changeOrigin: false },
    },
  },
});
