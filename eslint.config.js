import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const STANDS_ALONE = { group: ['**/shared/**'], message: 'The project stands alone.' };

/** `no-restricted-imports` with the project-wide pattern and a folder's own. */
function restrictImports(...patterns) {
  return { 'no-restricted-imports': ['error', { patterns: [STANDS_ALONE, ...patterns] }] };
}

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'bench/results', 'test-results'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.strictTypeChecked],
    languageOptions: {
      ecmaVersion: 2023,
      globals: { ...globals.browser, ...globals.node },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The app is not built with React Compiler; this rule only reports what it would skip.
      'react-hooks/incompatible-library': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      ...restrictImports(),
    },
  },
  {
    files: ['src/data/**/*.ts'],
    rules: restrictImports({
      group: ['react', 'react-dom', 'zustand', '**/store/**', '**/features/**', '**/ui/**'],
      message: 'src/data is plain TypeScript: nothing upstream imports the UI or the store.',
    }),
  },
  {
    files: ['src/store/**/*.ts'],
    rules: restrictImports({
      group: ['**/features/**', '**/ui/**'],
      message: 'src/store holds state and calls src/data; the UI reads the store, not the reverse.',
    }),
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: restrictImports({
      group: ['**/features/**'],
      message: 'src/ui is the shared kit features build on: it knows no feature.',
    }),
  },
  {
    files: ['src/features/**/*.{ts,tsx}'],
    rules: restrictImports({
      // From src/features/<name>/, `../<other>/…` is another feature; `../../…` leaves features.
      regex: '^\\.\\./(?!\\.\\./)|/features/',
      message:
        'A feature imports only src/data, src/store, src/ui and its own files; src/app.tsx composes features.',
    }),
  },
  {
    files: ['**/*.{js,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
  // The tools (the bench, the scripts, the browser-test harness) drive the built site in Chromium
  // through one harness, test/harness: they never import the app's source, and the harness never
  // imports the browser tests that use it.
  {
    files: ['bench/**/*.ts', 'scripts/**/*.ts', 'test/harness/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/shared/**'], message: 'The project stands alone.' },
            {
              group: ['**/src/**'],
              message: 'The tools measure and drive the built site (dist/), not its source.',
            },
            {
              group: ['**/e2e/**'],
              message: 'Shared browser code lives in test/harness; the browser tests import it.',
            },
          ],
        },
      ],
    },
  },
);
