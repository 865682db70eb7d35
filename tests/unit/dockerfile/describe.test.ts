import { describe, expect, it } from 'vitest'
import { code, describeAt } from '../../../lib/dockerfile/describe'
import { INSTRUCTIONS } from '../../../lib/dockerfile/instructions'

const dockerfile = [
  'FROM python:3.11-slim AS app', // 0
  'WORKDIR /app', // 1
  'COPY --chown=app:app requirements.txt .', // 2
  'RUN pip install -r requirements.txt && rm -rf /root/.cache', // 3
  'ENV FLASK_DEBUG=1 PORT=5000', // 4
  'EXPOSE 5000', // 5
  'CMD ["flask", "run", "--host", "0.0.0.0"]', // 6
  '', // 7
  'ONBUILD COPY . /src', // 8
].join('\n')

describe('describeAt', () => {
  it('explains the keyword under the pointer, with its arguments', () => {
    const hover = describeAt(dockerfile, { line: 0, character: 2 }, { explainImage: ref => `Image ${code(ref)} explained.` })
    expect(hover?.title).toBe('FROM — Start a build stage from a base image.')
    expect(hover?.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 4 } })
    expect(hover?.paragraphs[0]).toBe(INSTRUCTIONS.get('FROM')?.explain)
    expect(hover?.paragraphs).toContain('Image `python:3.11-slim` explained.')
    expect(hover?.paragraphs.some(p => p.includes('`COPY --from=app`'))).toBe(true)
  })

  it('falls back to the reference itself without an image explainer', () => {
    expect(describeAt('FROM ubuntu:24.04', { line: 0, character: 0 })?.paragraphs).toContain('Base image: `ubuntu:24.04`.')
    expect(describeAt('FROM scratch', { line: 0, character: 0 })?.paragraphs[1]).toContain('empty image')
  })

  it('explains a flag on its own', () => {
    const hover = describeAt(dockerfile, { line: 2, character: 8 })
    expect(hover?.title).toBe('`COPY --chown=app:app`')
    expect(hover?.paragraphs[0]).toContain('Owner of the copied files')
  })

  it('explains the arguments when the pointer is on them', () => {
    expect(describeAt(dockerfile, { line: 2, character: 30 })?.paragraphs).toEqual([
      'Copies `requirements.txt` from the build context to `.` (relative to the WORKDIR) in the image.',
    ])
    expect(describeAt(dockerfile, { line: 3, character: 10 })?.paragraphs).toEqual([
      'At build time, it runs `pip install -r requirements.txt && rm -rf /root/.cache` through `/bin/sh -c` (shell form: variables, `&&` and pipes work).',
      '2 commands joined by `&&`: each runs only if the previous one succeeded.',
    ])
    expect(describeAt(dockerfile, { line: 4, character: 6 })?.paragraphs).toEqual(['`FLASK_DEBUG` = `1`', '`PORT` = `5000`'])
    expect(describeAt(dockerfile, { line: 5, character: 8 })?.paragraphs[0]).toContain('Port `5000` (TCP)')
    expect(describeAt(dockerfile, { line: 6, character: 8 })?.paragraphs[0]).toContain('runs `flask run --host 0.0.0.0` directly')
  })

  it('explains the instruction stored by ONBUILD', () => {
    expect(describeAt(dockerfile, { line: 8, character: 2 })?.paragraphs).toContain('Stored for later: `COPY . /src`.')
    expect(describeAt(dockerfile, { line: 8, character: 10 })?.title).toBe('COPY — Copy files from the build context into the image.')
  })

  it('has nothing to say on blank lines and unknown instructions', () => {
    expect(describeAt(dockerfile, { line: 7, character: 0 })).toBeNull()
    expect(describeAt('FROMM x', { line: 0, character: 1 })).toBeNull()
  })

  it('has an entry for every instruction of the brief', () => {
    for (const keyword of ['FROM', 'RUN', 'COPY', 'ADD', 'CMD', 'ENTRYPOINT', 'WORKDIR', 'ENV', 'ARG', 'EXPOSE', 'USER', 'VOLUME', 'LABEL', 'HEALTHCHECK', 'SHELL', 'STOPSIGNAL', 'ONBUILD'] as const) {
      const text = `FROM alpine\n${keyword} x`
      const hover = describeAt(keyword === 'FROM' ? 'FROM alpine' : text, { line: keyword === 'FROM' ? 0 : 1, character: 1 })
      expect(hover?.title.startsWith(`${keyword} — `), keyword).toBe(true)
    }
  })
})

describe('code', () => {
  it('wraps text with backticks safely', () => {
    expect(code('a')).toBe('`a`')
    expect(code('a`b')).toBe('``a`b``')
    expect(code('`x')).toBe('`` `x ``')
  })

  it('tells from the shared model what the build makes of the step', () => {
    const at = (line: number) => describeAt(dockerfile, { line, character: 1 })?.paragraphs ?? []
    expect(at(0)).toContain('Build step `[1/4]`: the base image\'s layers.')
    expect(at(2)).toContain('Build step `[3/4]`: adds a filesystem layer. It comes from the cache unless its inputs or an earlier step changed.')
    expect(at(2)).toContain('Files land in `/app/`; their content (not their modification time) decides the cache.')
    expect(at(3)).toContain('Runs in `/app` as root.')
    expect(at(4)).toContain('Metadata only: it changes the image\'s configuration, adds no layer and is no build step of its own.')
  })
})
