// Issue 10 item 8: Dockerfiles that build get no error; the ones BuildKit refuses get the reason.
import { describe, expect, it } from 'vitest'
import { checkDockerfile } from '../../../lib/dockerfile/check'

const errors = (text: string) => checkDockerfile(text).filter(problem => problem.severity === 'error').map(problem => problem.code)
const codes = (text: string) => checkDockerfile(text).map(problem => problem.code)

describe('the shell\'s test command `[ … ]` is shell form, not broken JSON', () => {
  it.each([
    'RUN [ "${X}" = "true" ] && exit 0; echo building',
    'RUN [ -f /etc/os-release ]',
    'RUN [ -n "$PROXY" ] && echo "proxy: $PROXY" || true',
    'RUN [ "$(uname -m)" = "x86_64" ] && echo "[amd64, ok]"',
    'RUN [ ! -d /app ] \\\n    && mkdir /app',
    'CMD [ -f /ready ] && exec python app.py',
    'ENTRYPOINT [ "$DEBUG" = 1 ] && set -x; exec "$@"',
  ])('%s', (line) => {
    const found = codes(`FROM alpine:3.20\n${line}\n`)
    // A shell-form CMD or ENTRYPOINT still gets BuildKit's JSONArgsRecommended advice, never a JSON error.
    expect(found).toEqual(line.startsWith('RUN') ? [] : ['JSONArgsRecommended'])
  })

  it('still warns when an array was meant but is not JSON (the build runs it through /bin/sh)', () => {
    for (const line of ['RUN [ "pip", "install", "flask" ] &&', 'RUN ["pip", "install" "flask"]', 'COPY ["a.txt", "b.txt" /app/]']) {
      const problems = checkDockerfile(`FROM python:3.12-slim\n${line}\n`)
      expect(problems.map(p => [p.code, p.severity]), line).toEqual([['BAD_JSON', 'warning']])
    }
    // For CMD and ENTRYPOINT BuildKit's own check says it, once.
    for (const line of ['CMD [\'python\', \'app.py\']', 'CMD [python, app.py]', 'ENTRYPOINT ["python", "app.py"']) {
      const problems = checkDockerfile(`FROM python:3.12-slim\n${line}\n`)
      expect(problems.map(p => [p.code, p.severity]), line).toEqual([['JSONArgsRecommended', 'warning']])
    }
  })
})

describe('an empty JSON array clears an inherited CMD or ENTRYPOINT', () => {
  it.each([
    'ENTRYPOINT ["python", "-m", "http.server"]\nCMD []',
    'ENTRYPOINT ["/entrypoint.sh"]\nCMD [ ]',
    'ENTRYPOINT []\nCMD ["sh"]',
    'ENTRYPOINT []',
    'CMD []',
  ])('%s', (lines) => {
    expect(codes(`FROM python:3.12-slim\n${lines}\n`)).toEqual([])
  })

  it('rUN [] still has nothing to run', () => {
    expect(errors('FROM alpine:3.20\nRUN []\n')).toEqual(['MISSING_ARGUMENTS'])
  })
})

describe('valid JSON with items that are not strings fails the build', () => {
  it.each([
    ['CMD ["sleep", 10]', 'CMD'],
    ['ENTRYPOINT ["python", true]', 'ENTRYPOINT'],
    ['RUN ["echo", null]', 'RUN'],
    ['CMD [1]', 'CMD'],
    ['COPY ["app.py", 5]', 'COPY'],
    ['VOLUME [["/data"]]', 'VOLUME'],
    ['SHELL ["/bin/sh", {"c": 1}]', 'SHELL'],
    ['HEALTHCHECK --interval=5s CMD ["curl", 1]', 'HEALTHCHECK'],
  ])('%s', (line) => {
    const problems = checkDockerfile(`FROM alpine:3.20\n${line}\n`)
    expect(problems.map(p => [p.code, p.severity])).toEqual([['JSON_NOT_STRINGS', 'error']])
    expect(problems[0]!.range.start.line).toBe(1)
  })
})

describe('a Dockerfile with no instructions says so', () => {
  it.each([
    ['empty', ''],
    ['blank lines', '\n\n   \n'],
    ['a comment', '# syntax=docker/dockerfile:1\n'],
    ['comments and blanks', '# build the app\n\n#FROM python:3.12-slim\n  # indented comment\n'],
    ['CRLF comments', '# one\r\n# two\r\n'],
  ])('%s', (_name, text) => {
    const problems = checkDockerfile(text)
    expect(problems.map(p => [p.code, p.severity])).toEqual([['NO_INSTRUCTIONS', 'error']])
    expect(problems[0]!.range.start).toEqual({ line: 0, character: 0 })
  })

  it('one instruction is enough', () => {
    expect(codes('# base\nFROM alpine:3.20\n')).toEqual([])
  })
})
