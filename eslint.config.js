// ESLint flat config. typescript-eslint's strict rules everywhere, plus the type-aware rules that
// catch real defects in a server and a React app: a promise nobody awaits or catches, a promise
// passed where a callback's result is ignored, `await` on something that is not a promise.
// Formatting is Prettier's job (`npm run lint` runs `prettier --check` as well).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'build/',
      'data/',
      '.bench/',
      'test-results/',
      'migrations/',
      'reference-data/',
      // CommonJS config read by depcruise, and the generated API types (npm run gen:api).
      '.dependency-cruiser.cjs',
      'web/src/api/openapi.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Off until the reference lookups (`plans.get(id)!` and the like) go through functions that
      // fail with a named error; then on for everything but tests.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      // `_name` marks a value deliberately left out (`const { secret: _secret, ...rest } = row`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Tests and benchmarks read JSON answers of every shape and assert presence with `!`: a wrong
    // guess fails the test, which is the point.
    files: ['**/*.test.ts', '**/*.test.tsx', '**/*.test-support.ts', 'test/**', 'bench/**', 'scripts/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  { files: ['**/*.js', '**/*.mjs'], extends: [tseslint.configs.disableTypeChecked] },
  // scripts/start.mjs runs under plain node before anything is compiled: no tsconfig covers it.
  {
    files: ['**/*.mjs'],
    languageOptions: {
      parserOptions: { projectService: false },
      globals: { process: 'readonly', performance: 'readonly' },
    },
  },
);
