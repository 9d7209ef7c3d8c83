// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'bin/**', '.tmp/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.web.json'],
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { parserOptions: { project: null, program: null } },
  },
  {
    // Electron-free layers: never import electron (architecture rule).
    files: [
      'src/main/engine/**',
      'src/main/capture/**',
      'src/main/store/**',
      'src/main/export/**',
      'src/main/worker/**',
      'src/lab/**',
      'src/cli/**',
      'src/shared/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'This layer must run under plain Node.' }] },
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer sees only window.api.' }],
          patterns: [
            {
              group: ['**/main/**', '**/lab/**', '**/cli/**', 'node:*'],
              message: 'The renderer sees only window.api and src/shared.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'shared has no Node or DOM imports.' }],
          patterns: [
            { group: ['node:*'], message: 'shared has no Node or DOM imports.' },
            {
              group: ['**/main/**', '**/renderer/**', '**/lab/**', '**/cli/**'],
              message: 'shared depends on nothing: not on main, renderer, lab or cli.',
            },
          ],
        },
      ],
    },
  },
);
