// One style for the whole project: the ecosystem's own config (Slidev, Vue tooling and antfu/talks use it);
// it formats as well, so there is no separate formatter.
import antfu from '@antfu/eslint-config'

export default antfu({
  vue: true,
  typescript: true,
  markdown: false,
  ignores: [
    'dist/**',
    'tests/fixtures/**',
    'vendor/**',
    'tests/e2e/*-snapshots/**',
    'playwright-report/**',
    'test-results/**',
    '.slidev/**',
    'pages/**',
    'slides.md',
    'snippets/**',
  ],
}, {
  rules: {
    // Scripts and tests print to the terminal on purpose.
    'no-console': 'off',
    'node/prefer-global/process': 'off',
    // Unused groups cost nothing and keep the docker client's own patterns recognisable.
    'regexp/no-unused-capturing-group': 'off',
    // `${VAR}` in a string is Docker and Compose text, not a forgotten template.
    'no-template-curly-in-string': 'off',
    'node/prefer-global/buffer': 'off',
    'jsdoc/require-returns-description': 'off',
    // Line breaks inside an element add spaces to its text in the render (SVG labels, inline code).
    'vue/singleline-html-element-content-newline': 'off',
    'vue/multiline-html-element-content-newline': 'off',
  },
}, {
  // Command-line scripts run as ES modules from the shell.
  files: ['scripts/**', 'tests/e2e/support/*.mjs'],
  rules: { 'antfu/no-top-level-await': 'off' },
})
