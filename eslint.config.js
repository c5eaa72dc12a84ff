// Lint rules, and the layer boundaries: imports point downward only
// (renderer -> engine, host -> engine, electron -> host + engine).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

// `modules` are package names matched exactly: as a pattern, "electron" would also match the
// repository's own electron/ folder (gitignore rules match a bare name at any depth).
const layer = (patterns, message, modules = []) => ({
  'no-restricted-imports': ['error', { paths: modules.map((name) => ({ name, message })), patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', '.tsbuild/**', 'node_modules/**', 'coverage/**', 'test/fixtures/**', 'tmp/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['engine/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...layer(
        [...nodeBuiltins, 'react', 'react-*', 'react/*', 'electron', 'electron/*', '**/host/**', '**/renderer/**', '**/electron/**'],
        'engine/ is pure TypeScript: no Node, DOM, React or Electron, and nothing from the layers above it.',
      ),
      // The engine never reads the wall clock: simulated time only.
      'no-restricted-globals': ['error',
        ...['window', 'document', 'process', 'setTimeout', 'setInterval', 'performance', 'require', 'Buffer', '__dirname']
          .map((name) => ({ name, message: 'engine/ runs without the DOM or Node and never reads the wall clock.' })),
      ],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'engine/ uses simulated time; wall time comes in from the caller.' }],
    },
  },
  {
    files: ['host/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: layer(['electron', 'electron/*', '**/renderer/**', '**/electron/**', 'react', 'react-*'],
      'host/ is plain Node: it never imports Electron, React or the renderer.'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: layer([...nodeBuiltins, '**/host/**', '**/electron/main/**', '**/electron/preload/**', '**/electron/security/**'],
      'renderer/ talks to the host only through the session protocol; it imports engine/ and the IPC contract only.',
      ['electron', 'electron/main', 'electron/renderer', 'electron/common', 'electron/utility']),
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: layer(['**/renderer/**'], 'electron/ never imports the renderer.'),
  },
  {
    files: ['scripts/**/*.{js,mjs}', 'bin/**/*.js', 'test/**/*.{ts,tsx,mjs}', '*.js', '*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // electron-builder require()s its hooks (scripts/after-pack.cjs).
    files: ['scripts/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
