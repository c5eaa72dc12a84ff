import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Run from the repository root (npm run build). Relative asset URLs (base './') so the same
// build loads from firedrill serve and from Electron's app:// protocol.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Fonts stay files: nothing is inlined or fetched from the network.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
});
