// One lint setup for server, domain, web and tests. Type-aware rules catch floating promises and `any`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// Kazakhstan's calendar date and year come from domain/src/clock.ts. The machine's local time, and UTC's date of
// "now", are a day off there between midnight and 05:00.
const ONE_CLOCK = [
  {
    selector:
      "CallExpression[callee.property.name='slice'] > MemberExpression.callee > CallExpression.object[callee.property.name='toISOString'] > MemberExpression.callee > NewExpression.object[arguments.length=0]",
    message: "UTC's date is not Kazakhstan's: use todayInKazakhstan() / kazakhstanTime() from #domain/clock.",
  },
  {
    selector:
      'CallExpression[callee.property.name=/^get(UTC)?(FullYear|Month|Date|Day|Hours|Minutes)$/] > MemberExpression.callee > NewExpression.object[arguments.length=0]',
    message: "The machine's or UTC's calendar is not Kazakhstan's: use kazakhstanTime() from #domain/clock.",
  },
  {
    selector: 'CallExpression[callee.property.name=/^get(FullYear|Month|Date|Day|Hours|Minutes)$/]',
    message: "Local time depends on the machine's time zone: use kazakhstanTime() from #domain/clock.",
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'web/dist',
      'dist',
      'data',
      'coverage',
      'test-output',
      'bench-results',
      'bin',
      'scripts',
      'eslint.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['server/src/**/*.ts', 'web/src/**/*.{ts,tsx}', 'domain/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', 'server/src/test/**', 'web/src/test/**'],
    rules: { 'no-restricted-syntax': ['error', ...ONE_CLOCK] },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Text shown to users lives in i18n/{kk,ru,en}; JSX must not carry literal words.
    files: ['web/src/**/*.tsx'],
    ignores: ['web/src/**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXText[value=/\\p{L}{2,}/u]',
          message: 'User-facing text belongs in the i18n catalogs (i18n/{kk,ru,en}); use t().',
        },
        ...ONE_CLOCK,
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**', 'deploy/**', 'server/src/test/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
