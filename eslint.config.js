// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        TextDecoder: 'readonly',
        performance: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core is the domain: no prompts, colours, command line or process.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['chalk', 'commander', '@inquirer/prompts', 'node:child_process', 'node:process'],
          patterns: [
            '@inquirer/*',
            '**/commands/*',
            '**/ui/*',
            '**/io/*',
            '**/program.js',
            '**/main.js',
            '**/context.js',
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process'],
    },
  },
  {
    // The core's tests build fixtures from the package's own schemas (io/schemas.ts), but test the core alone.
    files: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/commands/*', '**/ui/*', '**/cli/*', '**/program.js', '**/main.js', '**/context.js'] },
      ],
    },
  },
  {
    // The UI turns results into text: it knows the core's types and nothing of files, git, commands or the wiring.
    files: ['src/ui/**/*.ts'],
    ignores: ['src/ui/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['node:child_process'],
          patterns: ['**/io/*', '**/commands/*', '**/cli/*', '**/program.js', '**/main.js'],
        },
      ],
    },
  },
  {
    // git runs through io/git.ts (and its batch reader of blobs) alone; the user's editor through io/editor.ts.
    files: ['src/io/**/*.ts', 'src/cli/**/*.ts', 'src/program.ts', 'src/main.ts', 'src/context.ts'],
    ignores: ['src/io/git.ts', 'src/io/git-revision.ts', 'src/io/editor.ts', 'src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['node:child_process'] }],
    },
  },
  {
    // Commands return results: they never print or exit.
    files: ['src/commands/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['chalk', 'commander', 'node:child_process'] }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'exit' },
        { object: 'process', property: 'stdout' },
        { object: 'process', property: 'stderr' },
        { object: 'console', property: 'log' },
      ],
    },
  },
);
