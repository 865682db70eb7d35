import type { PythonInterpreter } from '../../../lib/python/run'
import { fileURLToPath } from 'node:url'
import { loadPyodide } from 'pyodide'
import { beforeAll, describe, expect, it } from 'vitest'
import { PYODIDE_RUNTIME_FILES, pyodideIndexUrl } from '../../../lib/python/files'
import { toRunnerOutputs } from '../../../lib/python/output'
import { mergeChunks, runPython, trimTraceback } from '../../../lib/python/run'

describe('pyodideIndexUrl', () => {
  it('follows the deck\'s base URL', () => {
    expect(pyodideIndexUrl('/')).toBe('/pyodide/')
    expect(pyodideIndexUrl('/talks/docker/')).toBe('/talks/docker/pyodide/')
    expect(pyodideIndexUrl('/sub')).toBe('/sub/pyodide/')
    expect(() => pyodideIndexUrl('')).toThrow(/base URL is empty/)
  })

  it('lists files that the pyodide package really has', async () => {
    const { existsSync } = await import('node:fs')
    const root = fileURLToPath(new URL('../../../node_modules/pyodide/', import.meta.url))
    for (const name of PYODIDE_RUNTIME_FILES)
      expect(existsSync(`${root}${name}`), name).toBe(true)
  })
})

describe('trimTraceback', () => {
  it('drops Pyodide\'s own frames and keeps the user\'s', () => {
    const raw = [
      'Traceback (most recent call last):',
      '  File "/lib/python313.zip/_pyodide/_base.py", line 597, in eval_code_async',
      '    await CodeRunner(',
      '  File "/lib/python313.zip/_pyodide/_base.py", line 411, in run_async',
      '    coroutine = eval(self.code, globals, locals)',
      '  File "<exec>", line 2, in <module>',
      '    1 / 0',
      '    ~~^~~',
      'ZeroDivisionError: division by zero',
      '',
    ].join('\n')
    expect(trimTraceback(raw)).toBe([
      'Traceback (most recent call last):',
      '  File "<exec>", line 2, in <module>',
      '    1 / 0',
      '    ~~^~~',
      'ZeroDivisionError: division by zero',
    ].join('\n'))
  })
})

describe('toRunnerOutputs', () => {
  it('keeps whitespace, escapes HTML and marks errors', () => {
    const outputs = toRunnerOutputs(mergeChunks([
      { stream: 'stdout', text: '<b>\n' },
      { stream: 'stdout', text: '  indented\n' },
      { stream: 'error', text: 'ValueError: x' },
    ]))
    expect(outputs).toHaveLength(2)
    expect(outputs[0]).toEqual({ html: expect.stringMatching(/<pre class="python-stdout"[^>]*>&lt;b&gt;\n {2}indented<\/pre>$/) })
    expect(outputs[1]).toEqual({ html: expect.stringMatching(/role="alert".*>ValueError: x<\/pre>$/) })
  })

  it('says so when nothing was printed', () => {
    expect(toRunnerOutputs([])).toEqual([{ text: '(no output)', class: 'opacity-60' }])
  })
})

describe('runPython with the real interpreter', () => {
  let python: PythonInterpreter
  beforeAll(async () => {
    python = await loadPyodide({ indexURL: fileURLToPath(new URL('../../../node_modules/pyodide/', import.meta.url)) })
  }, 120_000)

  it('runs the f-string of the slide', async () => {
    expect(await runPython(python, 'print(f\'this is {3+2}\')')).toEqual([{ stream: 'stdout', text: 'this is 5\n' }])
  })

  it('keeps stdout and stderr in order and reports the exception', async () => {
    const chunks = await runPython(python, 'import sys\nprint("a")\nprint("b", file=sys.stderr)\nx = 1 / 0\n')
    expect(chunks.map(c => c.stream)).toEqual(['stdout', 'stderr', 'error'])
    expect(chunks[2]!.text).toMatch(/^Traceback \(most recent call last\):\n {2}File "<exec>", line 4, in <module>/)
    expect(chunks[2]!.text).toMatch(/ZeroDivisionError: division by zero$/)
    expect(chunks[2]!.text).not.toContain('_pyodide')
  })

  it('reports syntax errors and starts each run fresh', async () => {
    const syntax = await runPython(python, 'print("unclosed')
    expect(syntax.at(-1)).toMatchObject({ stream: 'error', text: expect.stringMatching(/SyntaxError/) })
    await runPython(python, 'leftover = 1')
    const next = await runPython(python, 'print(leftover)')
    expect(next.at(-1)?.text).toMatch(/NameError: name 'leftover' is not defined/)
  })
})
