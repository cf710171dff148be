import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FlatCompat } from '@eslint/eslintrc';

const compat = new FlatCompat({ baseDirectory: dirname(fileURLToPath(import.meta.url)) });

const config = [
  { ignores: ['**/node_modules/**', '.next/**', '.next-lan/**', '.localbase/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  ...compat.extends('next/core-web-vitals', 'next/typescript'),
  {
    // CommonJS by necessity: next.config.js is loaded with require() and requires lib/csp.js and lib/lan.js.
    files: ['next.config.js', 'lib/csp.js', 'lib/lan.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];

export default config;
