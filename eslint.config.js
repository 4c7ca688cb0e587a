// Lint, zero warnings. Beyond the usual rules it enforces the runtimes as folders
// (CONVENTIONS.md habit 1): shared/ imports neither Node nor the DOM-side code nor the database;
// renderer/ never imports from electron/; only electron/shell/ imports `electron`. And SQL stays in
// electron/db/ (habit 6).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeAndDatabase = [
  { group: ['node:*'], message: 'shared/ and renderer/ run without Node.' },
  { group: ['better-sqlite3', 'kysely', 'kysely/*'], message: 'Only electron/ touches the database.' },
];
const electronModule = { name: 'electron', message: 'Only electron/shell/ imports electron.' };
const noRenderer = { group: ['**/renderer/**'], message: 'The main process does not import the renderer.' };

// CONVENTIONS.md habit 6: SQL lives in repositories. Outside electron/db/ (repositories, the
// migrations runner, the schema) no code builds or runs a query: it calls a repository function.
const sqlOutsideRepositories = 'SQL lives in electron/db/repositories/ (CONVENTIONS.md habit 6): call a repository function.';
const noQueryBuilding = [
  'error',
  { selector: "CallExpression[callee.property.name=/^(selectFrom|selectNoFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|executeQuery|getExecutor)$/]", message: sqlOutsideRepositories },
  // Kysely's CTEs take the CTE's name first (Array.prototype.with takes an index).
  { selector: "CallExpression[callee.property.name=/^(with|withRecursive)$/][arguments.0.type='Literal'][arguments.0.value=/[a-zA-Z]/]", message: sqlOutsideRepositories },
  { selector: "TaggedTemplateExpression[tag.name='sql'], TaggedTemplateExpression[tag.object.name='sql'], CallExpression[callee.object.name='sql']", message: sqlOutsideRepositories },
  // better-sqlite3's prepared statements and the schema builder.
  { selector: "CallExpression[callee.property.name=/^(prepare|createTable|alterTable|dropTable|createIndex|dropIndex)$/]", message: sqlOutsideRepositories },
];
const noDatabaseImports = [
  { group: ['better-sqlite3'], message: sqlOutsideRepositories },
  { group: ['kysely', 'kysely/*'], importNames: ['sql', 'CompiledQuery', 'Kysely', 'SqliteDialect'], allowTypeImports: true, message: sqlOutsideRepositories },
  { group: ['**/db/compiled-once'], message: sqlOutsideRepositories },
  // A repository's unexecuted `…Query` builders are for its EXPLAIN tests and the bench.
  { group: ['**/db/repositories/*'], importNamePattern: 'Query$', message: sqlOutsideRepositories },
];

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
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronModule,
            // zod's messages are for developers: every form says its problems in the user's language.
            { name: '@hookform/resolvers/zod', message: 'Use zodFormResolver (renderer/ui/zod-form-resolver.ts): it translates zod issues.' },
          ],
          patterns: [...nodeAndDatabase, { group: ['**/electron/**'], message: 'The renderer reaches the main process only through its client module.' }],
        },
      ],
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
      'no-restricted-imports': ['error', { paths: [electronModule], patterns: [noRenderer] }],
    },
  },
  {
    // Services, the API, the HTTP server, the core and the shell call repositories. Left out:
    // electron/db/ itself; tests (they set up and inspect rows directly); and electron/demo/, a
    // fixture generator like bench/: it builds a clinic from nothing (rooms, items, shift
    // templates) that no product path writes, then plays the day through the real services.
    files: ['electron/**/*.ts'],
    ignores: ['electron/db/**', 'electron/demo/**', '**/*.test.ts'],
    rules: {
      'no-restricted-syntax': noQueryBuilding,
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: noDatabaseImports }],
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
