// The esbuild options for an ESM bundle that runs under Node (the CLI, the benchmarks, the
// Electron main, the test CLI): one place for them, so every bundle loads the same way.
export const nodeBundle = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  // Bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
};
