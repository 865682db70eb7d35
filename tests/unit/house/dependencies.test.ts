// Every package the project's code imports is declared in package.json, so it cannot vanish when another
// package stops bringing it along (pdf-lib and vite once arrived only through @slidev/cli).

import { readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../../..')
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', '.git', '.slidev', 'playwright-report', 'test-results', 'fixtures', 'snippets'])
const SOURCE = /\.(?:[cm]?[jt]s|vue)$/

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name)
    if (entry.isDirectory())
      return SKIPPED_FOLDERS.has(entry.name) || entry.name.endsWith('-snapshots') ? [] : sourceFiles(path)
    return SOURCE.test(entry.name) ? [path] : []
  })
}

/** Specifiers of static imports, re-exports, side-effect imports and dynamic imports with a literal. */
export function importedSpecifiers(source: string): string[] {
  const found: string[] = []
  const patterns = [
    /^\s*(?:import|export)\s[^'"]*?\sfrom\s+['"]([^'"]+)['"]/gm,
    /^\s*import\s+['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ]
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern))
      found.push(match[1]!)
  }
  return found
}

/** The npm package a specifier names, or null for relative paths, Node built-ins and Vite/Slidev virtual modules. */
export function packageOf(specifier: string): string | null {
  // server-ref: is Slidev's module of state shared through its dev server (a terminal relay uses one).
  if (/^(?:[./#]|~\/|@\/|virtual:|server-ref:|node:)/.test(specifier))
    return null
  const bare = specifier.split('?')[0]!
  const name = bare.startsWith('@') ? bare.split('/').slice(0, 2).join('/') : bare.split('/')[0]!
  return builtinModules.includes(name) ? null : name
}

describe('declared dependencies', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>
  const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})])

  it('reads package names the way Node resolves them', () => {
    expect(packageOf('@xterm/addon-fit')).toBe('@xterm/addon-fit')
    expect(packageOf('monaco-editor/esm/vs/editor/editor.api')).toBe('monaco-editor')
    expect(packageOf('ajv/dist/2020')).toBe('ajv')
    expect(packageOf('node:fs')).toBeNull()
    expect(packageOf('server-ref:docker-overview-terminals')).toBeNull()
    expect(packageOf('path')).toBeNull()
    expect(packageOf('./tokenize')).toBeNull()
    expect(importedSpecifiers(`import { a } from 'yaml'\nimport 'x-side'\nconst m = await import('pdf-lib')\nexport * from './here'`))
      .toEqual(['yaml', './here', 'x-side', 'pdf-lib'])
  })

  it('declares every package the code imports', () => {
    const missing: string[] = []
    for (const file of sourceFiles(ROOT)) {
      for (const specifier of importedSpecifiers(readFileSync(file, 'utf8'))) {
        const name = packageOf(specifier)
        if (name && !declared.has(name))
          missing.push(`${relative(ROOT, file)} imports ${name}`)
      }
    }
    expect(missing).toEqual([])
  })
})
