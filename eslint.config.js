// Lint, zero warnings. Beyond the usual rules it enforces the runtimes as folders
// (CONVENTIONS.md habit 1): shared/ imports neither Node nor the DOM-side code nor the database;
// renderer/ never imports from electron/; only electron/shell/ imports `electron`.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeAndDatabase = [
  { group: ['node:*'], message: 'shared/ and renderer/ run without Node.' },
  { group: ['better-sqlite3', 'kysely', 'kysely/*'], message: 'Only electron/ touches the database.' },
];
const electronModule = { name: 'electron', message: 'Only electron/shell/ imports electron.' };

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // Plain CommonJS run as it is (the integrity check's worker thread).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [electronModule], patterns: [...nodeAndDatabase, { group: ['**/electron/**'], message: 'The renderer reaches the main process only through its client module.' }] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronModule, { name: 'react', message: 'shared/ is plain TypeScript.' }],
          patterns: [...nodeAndDatabase, { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing of the app.' }],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts', 'migrations/**/*.ts'],
    ignores: ['electron/shell/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronModule], patterns: [{ group: ['**/renderer/**'], message: 'The main process does not import the renderer.' }] }],
    },
  },
  {
    // CONVENTIONS.md habit 9: migrations are typed Kysely<any>, frozen against later schema types.
    files: ['migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', '*.config.{js,ts}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
  },
);
