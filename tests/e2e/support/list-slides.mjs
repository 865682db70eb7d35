#!/usr/bin/env node
// Lists the slides of a built deck as the deck's own client sees them, so that Playwright can name one
// test per slide before any test runs. Files are served straight from the folder (no server needed).
//
//   node tests/e2e/support/list-slides.mjs <dist> <out.json> <chromium> <origin> '<json chromium args>'
//
// Writes { dist, total, slides: [{ no, title, interactive, editable }] }.
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, normalize, sep } from 'node:path'
import { chromium } from '@playwright/test'

const [dist, outFile, executablePath, origin, argsJson] = process.argv.slice(2)
if (!dist || !outFile || !executablePath || !origin || !argsJson) {
  console.error('usage: list-slides.mjs <dist> <out.json> <chromium> <origin> <json chromium args>')
  process.exit(2)
}

// Mirrors tests/e2e/support/keyboard.ts (this file runs in plain Node and cannot import TypeScript),
// plus Slidev's Monaco container, as an editor may not be drawn yet when the slide is listed.
const INTERACTIVE = ':is(a[href], button, input, select, textarea, summary, [tabindex], [contenteditable]:not([contenteditable="false"]), .monaco-editor, .slidev-monaco-container):not([tabindex^="-"])'
const EDITABLE = ':is(input:not([type=button], [type=submit], [type=reset], [type=checkbox], [type=radio], [type=range], [type=color], [type=file], [type=image], [type=hidden]), textarea, [contenteditable]:not([contenteditable="false"]), .monaco-editor, .slidev-monaco-container):not([tabindex^="-"])'

function fileFor(url) {
  const path = decodeURIComponent(new URL(url).pathname)
  const file = normalize(join(dist, path))
  if (!file.startsWith(normalize(dist) + sep) && file !== normalize(dist))
    return null
  if (existsSync(file) && statSync(file).isDirectory())
    return join(file, 'index.html')
  return file
}

const browser = await chromium.launch({ executablePath, args: JSON.parse(argsJson) })
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
  await page.route('**/*', async (route) => {
    const url = route.request().url()
    if (!url.startsWith(`${origin}/`))
      return route.abort('blockedbyclient')
    const file = fileFor(url)
    if (file && existsSync(file))
      return route.fulfill({ path: file })
    return route.fulfill({ status: 404, body: 'not found' })
  })
  const pageErrors = []
  page.on('pageerror', error => pageErrors.push(error.message))

  // Transitions off: each slide is on screen as soon as its hash is set.
  await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => {
    const style = document.createElement('style')
    style.textContent = '*, *::before, *::after { transition-duration: 0s !important; animation-duration: 0s !important; }'
    document.head.append(style)
  }))
  await page.goto(`${origin}/#/1`)
  const hasApp = await page.waitForFunction(
    () => Boolean(document.querySelector('#app')?.__vue_app__?._context.provides['$$slidev-context']?.nav),
    undefined,
    { timeout: 30_000 },
  ).then(() => true, () => false)
  if (!hasApp) {
    throw new Error(`The deck in ${dist} did not start: no Slidev app appeared within 30 s.${
      pageErrors.length ? ` Page errors: ${pageErrors.join(' | ')}` : ''}`)
  }

  // Visit each slide (as a viewer would, by its hash) and look at what it holds once mounted.
  const total = await page.evaluate(() => document.querySelector('#app').__vue_app__._context.provides['$$slidev-context'].nav.total)
  const slides = []
  for (let no = 1; no <= total; no++) {
    await page.evaluate((no) => {
      location.hash = `#/${no}`
    }, no)
    const shown = await page.waitForFunction((no) => {
      const nav = document.querySelector('#app').__vue_app__._context.provides['$$slidev-context'].nav
      const element = document.querySelector(`#slide-content [data-slidev-no="${no}"]`)
      return nav.currentPage === no && nav.clicksContext.isMounted && element?.checkVisibility()
    }, no, { timeout: 30_000 }).then(() => true, () => false)
    if (!shown) {
      throw new Error(`Slide ${no} of the deck in ${dist} did not show within 30 s.${
        pageErrors.length ? ` Page errors: ${pageErrors.join(' | ')}` : ''}`)
    }
    slides.push(await page.evaluate(({ no, interactive, editable }) => {
      const nav = document.querySelector('#app').__vue_app__._context.provides['$$slidev-context'].nav
      const route = nav.slides[no - 1]
      const element = document.querySelector(`#slide-content [data-slidev-no="${no}"]`)
      return {
        no,
        title: (route.meta?.slide?.title ?? '').replace(/\s+/g, ' ').trim(),
        interactive: element.querySelectorAll(interactive).length,
        editable: element.querySelectorAll(editable).length,
      }
    }, { no, interactive: INTERACTIVE, editable: EDITABLE }))
  }
  const listing = { total, slides }

  mkdirSync(dirname(outFile), { recursive: true })
  writeFileSync(outFile, `${JSON.stringify({ dist, ...listing }, null, 2)}\n`)
}
finally {
  await browser.close()
}
