import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROJECT_ROOT, SNIPPETS } from './processes'

const pages = readdirSync(path.join(PROJECT_ROOT, 'pages')).filter(name => name.endsWith('.md')).map(name => ({ name, text: readFileSync(path.join(PROJECT_ROOT, 'pages', name), 'utf8') }))

// Slidev's snippet import: `<<< @/path#region lang {meta}`
const includes = pages.flatMap(({ name, text }) => [...text.matchAll(/^<<<\s*@\/(\S+?)(?:#([\w-]+))?(?:\s|$)/gm)]
  .map(match => ({ page: name, file: match[1]!, region: match[2] })))

function snippetFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap(entry => entry.isDirectory()
    ? snippetFiles(path.join(folder, entry.name))
    : [path.relative(PROJECT_ROOT, path.join(folder, entry.name))])
}

describe('slides and snippets', () => {
  it('every snippet a slide includes exists, with its region', () => {
    expect(includes.length).toBeGreaterThan(0)
    for (const { page, file, region } of includes) {
      const absolute = path.join(PROJECT_ROOT, file)
      expect(existsSync(absolute), `${page} includes missing ${file}`).toBe(true)
      if (region)
        expect(readFileSync(absolute, 'utf8'), `${page}: no region "${region}" in ${file}`).toMatch(new RegExp(`#\\s*#?region ${region}\\b`))
    }
  })

  it('every snippet file is shown on a slide or named by one', () => {
    const allText = pages.map(page => page.text).join('\n')
    const shown = new Set(includes.map(include => include.file))
    const unmentioned = snippetFiles(SNIPPETS)
      .filter(file => !shown.has(file) && !allText.includes(path.basename(file)))
    expect(unmentioned).toEqual([])
  })
})
