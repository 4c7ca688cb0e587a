import { defineConfig } from 'vite';

// The renderer: built into dist/renderer with relative asset paths, so the same files load from
// the desktop app's app:// scheme and from the browser mode's HTTP server.
export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: false,
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: false,
    rolldownOptions: {
      // antd marks its files "use client" for React Server Components; meaningless in this app.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
