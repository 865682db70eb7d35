import type { CommandExplanation } from '../../../lib/docker/types'
import { describe, expect, it } from 'vitest'
import { explain } from '../../../lib/docker/index'

function one(text: string): CommandExplanation {
  const all = explain(text)
  expect(all).toHaveLength(1)
  return all[0]!
}

function segmentAt(e: CommandExplanation, text: string) {
  const found = e.segments.find(s => s.text === text)
  expect(found, `segment ${text}`).toBeDefined()
  return found!
}

describe('explain: segments cover the command in order', () => {
  it('the deck run command, part by part', () => {
    const e = one('docker run -it --rm --name mypython python:3.9 bash')
    expect(e.ok).toBe(true)
    expect(e.segments.map(s => [s.kind, s.text])).toEqual([
      ['program', 'docker'],
      ['command', 'run'],
      ['flag', '-it'],
      ['flag', '--rm'],
      ['flag', '--name mypython'],
      ['image', 'python:3.9'],
      ['container-command', 'bash'],
    ])
    for (const s of e.segments) expect(e.input.slice(s.start, s.end)).toBe(s.text)
    expect(segmentAt(e, '--name mypython').value).toEqual({ start: 27, end: 35, text: 'mypython' })
    expect(segmentAt(e, 'bash').explanation).toContain('instead of the image\'s default command')
  })

  it('global flags and a two-word command', () => {
    const e = one('docker -D container ls -a')
    expect(e.segments.map(s => [s.kind, s.text])).toEqual([
      ['program', 'docker'],
      ['global-flag', '-D'],
      ['command', 'container ls'],
      ['flag', '-a'],
    ])
    expect(e.command).toEqual(['container', 'ls'])
  })

  it('explains values specifically', () => {
    const e = one('docker run -p 8090:3000 -v myvolume:/data -v /home/me/x:/data2:ro -e BLA=5 python:3.9')
    expect(segmentAt(e, '-p 8090:3000').explanation).toMatch(/8090 of your computer.*3000 inside the container/)
    expect(segmentAt(e, '-v myvolume:/data').explanation).toMatch(/named volume .*myvolume.*managed by Docker.*\/data/)
    expect(segmentAt(e, '-v /home/me/x:/data2:ro').explanation).toMatch(/folder \/home\/me\/x of your computer.*\/data2.*read-only/)
    expect(segmentAt(e, '-e BLA=5').explanation).toMatch(/BLA.*"5"/)
  })

  it('shows the image reference with its defaults', () => {
    const e = one('docker run python:3.9')
    expect(e.image).toMatchObject({ registry: 'docker.io', namespace: 'library', repository: 'python', tag: '3.9' })
    expect(e.image!.defaulted).toMatchObject({ registry: true, namespace: true, tag: false })
    expect(one('docker pull ollama/ollama').image).toMatchObject({ namespace: 'ollama', tag: 'latest' })
  })

  it('gives the run picture the widget draws', () => {
    const e = one('docker run --rm -d -v /my/home/model/path:/root/.ollama -p 11434:11434 --name ollama -it ollama/ollama')
    expect(e.run).toMatchObject({
      name: 'ollama',
      detached: true,
      interactive: true,
      tty: true,
      removeOnExit: true,
      command: [],
    })
    expect(e.run!.ports).toEqual([expect.objectContaining({ hostPort: '11434', containerPort: '11434', hostIp: null })])
    expect(e.input.slice(e.run!.ports[0]!.span.start, e.run!.ports[0]!.span.end)).toBe('11434:11434')
    expect(e.run!.mounts).toEqual([expect.objectContaining({ type: 'bind', source: '/my/home/model/path', target: '/root/.ollama' })])
    expect(e.summary).toMatch(/ollama\/ollama/)
  })

  it('explains exec', () => {
    const e = one('docker exec -it ollama ollama run llama3.2')
    expect(segmentAt(e, 'ollama').kind).toBe('argument')
    expect(segmentAt(e, 'ollama run llama3.2')).toMatchObject({ kind: 'container-command' })
    expect(e.summary).toMatch(/ollama run llama3.2.*inside the running container ollama/)
  })

  it('explanations are plain text, not markup, even for HTML input', () => {
    const e = one('docker run --name "<b>x</b>" nginx')
    for (const s of e.segments) expect(s.explanation).not.toMatch(/<b>(?!x)/)
    expect(segmentAt(e, '--name "<b>x</b>"').explanation).toContain('<b>x</b>')
  })
})

describe('explain: several commands, other programs, shell', () => {
  it('one explanation per command with offsets into the whole text', () => {
    const text = 'docker pull nginx && docker run -d -p 8080:80 nginx\npython3 -m http.server 4567'
    const all = explain(text)
    expect(all.map(e => [e.input, e.offset, e.isDocker])).toEqual([
      ['docker pull nginx', 0, true],
      ['docker run -d -p 8080:80 nginx', 21, true],
      ['python3 -m http.server 4567', 52, false],
    ])
    for (const e of all) expect(text.slice(e.offset, e.offset + e.input.length)).toBe(e.input)
  })

  it('a command that is not docker is recognised, not an error', () => {
    const e = one('pip install flask')
    expect(e).toMatchObject({ isDocker: false, ok: true, errors: [], command: [] })
    expect(e.summary).toMatch(/^Not a docker command: runs pip/)
    expect(one('python3 -m http.server').summary).toMatch(/Python module http.server/)
  })

  it('a redirection is explained as shell', () => {
    const e = one('python3 -m pip list --format freeze > requirements.txt')
    expect(segmentAt(e, '> requirements.txt').kind).toBe('shell')
  })

  it('an unbalanced quote is an error at the quote', () => {
    const e = one('docker run -e "X=1 nginx')
    expect(e.ok).toBe(false)
    expect(e.errors[0]).toMatchObject({ start: 14, end: 15 })
  })

  it('empty text gives nothing; docker alone prints help', () => {
    expect(explain('')).toEqual([])
    expect(explain('   \n  # note\n')).toEqual([])
    expect(one('docker')).toMatchObject({ ok: true, isDocker: true })
    expect(one('docker').summary).toMatch(/help/)
    expect(one('docker container').summary).toMatch(/help/)
  })

  it('errors carry a clear summary and ok is false', () => {
    const e = one('docker runn nginx')
    expect(e.ok).toBe(false)
    expect(e.summary).toMatch(/refuse/)
    expect(e.errors[0]!.suggestion).toBe('run')
  })

  it('compose only for run and create, refused ones too', () => {
    expect(one('docker run nginx').compose).toContain('image: nginx')
    expect(one('docker create nginx').compose).toContain('image: nginx')
    expect(one('docker ps').compose).toBeNull()
    expect(one('docker run --help').compose).toBeNull()
    const refused = one('docker run --rm --restart always nginx')
    expect(refused.ok).toBe(false)
    expect(refused.compose).toContain('image: nginx')
  })
})

describe('explain: what the image runs (from the image catalog)', () => {
  it.each([
    'docker run -it --rm python:3.12',
    'docker run --interactive --tty python:3.12',
    'docker container run -ti docker.io/library/python:3.12',
  ])('%s: the default command, an interactive prompt', (text) => {
    const e = one(text)
    expect(e.summary).toContain('the image\'s default command, `python3`, an interactive prompt')
    expect(e.segments.find(s => s.kind === 'image')!.explanation).toContain('`python3`')
    expect(e.warnings.map(w => w.code)).not.toContain('EXITS_AT_ONCE')
  })

  it('a command after an image with an entrypoint is given to the entrypoint', () => {
    const e = one('docker run postgres:18 bash')
    expect(e.segments.find(s => s.kind === 'container-command')!.explanation).toContain('`docker-entrypoint.sh bash`')
    expect(one('docker run ollama/ollama run llama3').summary).toContain('`/bin/ollama run llama3`')
    expect(one('docker run --entrypoint /bin/sh ollama/ollama -c ls').summary).toContain('`/bin/sh -c ls`')
  })

  it('says when the image\'s software is end of life', () => {
    expect(one('docker pull python:3.5').segments.find(s => s.kind === 'image')!.explanation).toMatch(/end of life since 2020-09-30/)
  })

  it('an image the catalog does not know keeps the general wording', () => {
    const e = one('docker run -d registry.example.com/team/app:1.0')
    expect(e.summary).toContain('running the image\'s default command.')
  })
})

describe('explain: docker top passes its options to ps', () => {
  it.each([
    ['docker top web -eo pid,comm', '-eo pid,comm'],
    ['docker container top web aux', 'aux'],
    ['docker top web -o pid -o user', '-o pid -o user'],
  ])('%s', (text, options) => {
    const e = one(text)
    expect(e.ok).toBe(true)
    expect(e.segments.find(s => s.text === options)!.explanation).toContain('Options for `ps`')
  })

  it('still needs the container', () => {
    expect(one('docker top').errors.map(x => x.code)).toEqual(['MISSING_ARGUMENTS'])
  })
})

describe('explain: docker itself is a command', () => {
  it.each(['docker', 'docker -D', 'docker --debug', 'docker --log-level=warn'])('%s prints the root help', (text) => {
    const e = one(text)
    expect(e.ok).toBe(true)
    expect(e.command).toEqual([])
    expect(e.summary).toBe('Prints the help of docker: its usage and flags (nothing runs).')
  })

  it('its flags get its suggestions and its cross-flag rule', () => {
    expect(one('docker --hots').errors.map(x => [x.code, x.suggestion])).toEqual([['UNKNOWN_FLAG', '--host']])
    expect(one('docker -H x --context c').errors.map(x => x.code)).toEqual(['CONFLICTING_FLAGS'])
  })
})
