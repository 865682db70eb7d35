import { describe, expect, it } from 'vitest'
import { explain } from '../../../lib/docker'
import { escapeMarkdown, quotedTextToMarkdown } from '../../../lib/editor/markdown'
import { shellHover, shellMarkers } from '../../../lib/editor/shell'

const script = [
  '# start the app',
  'python3 -m venv .venv',
  'docker run -d -p 8000:5000 --name web myimage',
].join('\n')

describe('shellHover', () => {
  it('explains the docker flag under the pointer, with the span it covers', () => {
    // line 3, column of "8000" inside "-p 8000:5000"
    const column = script.split('\n')[2]!.indexOf('8000') + 1
    const hover = shellHover(script, 3, column, explain)
    expect(hover).not.toBeNull()
    const line = script.split('\n')[2]!
    const flagStart = line.indexOf('-p') + 1
    expect(hover!.range.startLineNumber).toBe(3)
    expect(hover!.range.startColumn).toBeGreaterThanOrEqual(flagStart)
    expect(hover!.range.endColumn).toBeLessThanOrEqual(line.indexOf(' --name') + 1)
    const segment = explain(script).find(c => c.isDocker)!.segments.find(s => s.text.includes('8000:5000'))!
    expect(hover!.contents[1]!.value).toBe(quotedTextToMarkdown(segment.explanation))
  })

  it('explains the command word and adds the summary', () => {
    const hover = shellHover(script, 3, 9, explain)
    const command = explain(script).find(c => c.isDocker)!
    expect(hover!.contents.map(c => c.value)).toContain(quotedTextToMarkdown(command.summary))
  })

  it('stays silent on other commands and comments', () => {
    expect(shellHover(script, 2, 3, explain)).toBeNull()
    expect(shellHover(script, 1, 3, explain)).toBeNull()
  })
})

describe('shellMarkers', () => {
  it('marks docker errors where they are', () => {
    const text = 'echo hi\ndocker run --it ubuntu bash'
    const markers = shellMarkers(text, explain)
    const error = markers.find(m => m.severity === 'error')
    expect(error).toBeDefined()
    expect(error!.startLineNumber).toBe(2)
    expect(text.split('\n')[1]!.slice(error!.startColumn - 1, error!.endColumn - 1)).toContain('--it')
  })

  it('gives nothing for a correct command without warnings', () => {
    expect(shellMarkers('docker ps -a', explain)).toEqual([])
  })
})

describe('markdown helpers', () => {
  it('escapes markup and keeps backtick quotes as code', () => {
    expect(escapeMarkdown('a*b_[c]')).toBe('a\\*b\\_\\[c\\]')
    expect(quotedTextToMarkdown('Run `docker port web` to see *it*')).toBe('Run `docker port web` to see \\*it\\*')
    expect(quotedTextToMarkdown('odd ` quote')).toBe('odd \\` quote')
  })
})

describe('the engine\'s new facts reach the editor', () => {
  it('markers carry the engine\'s codes', () => {
    const markers = shellMarkers('docker run --it ubuntu bash\ndocker run -p 0.0.0.0:8080:80 nginx:1.27', explain)
    expect(markers.map(m => m.code)).toEqual(expect.arrayContaining(['UNKNOWN_FLAG', 'PORT_ALL_INTERFACES']))
  })

  it('a hover names the part with the shared labels and shows a placeholder\'s warning', () => {
    const text = 'docker run -v <path/to/data>:/data nginx:1.27'
    const hover = shellHover(text, 1, text.indexOf('path') + 1, explain)
    expect(hover!.contents[0]!.value).toBe('`-v <path/to/data>:/data` — option')
    expect(hover!.contents.some(c => c.value.includes('placeholder'))).toBe(true)
  })

  it('a hover over the image says what it runs by default', () => {
    const text = 'docker run -d --name web python:3.12'
    const hover = shellHover(text, 1, text.indexOf('python') + 2, explain)
    expect(hover!.contents[0]!.value).toBe('`python:3.12` — image')
    expect(hover!.contents.map(c => c.value).join('\n')).toContain('`python3`')
    expect(hover!.contents.some(c => c.value.includes('exits at once'))).toBe(true)
  })
})
