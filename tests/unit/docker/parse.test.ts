import type { ParsedCommand } from '../../../lib/docker/parse-command'
import { describe, expect, it } from 'vitest'
import { parseCommand } from '../../../lib/docker/parse-command'
import { splitCommands } from '../../../lib/docker/tokenize'

function parse(text: string): ParsedCommand {
  const [command] = splitCommands(text)
  return parseCommand(command!)
}

const flagValues = (p: ParsedCommand) => p.flags.map(f => [f.spec.long, f.value])
const argValues = (p: ParsedCommand) => p.args.map(a => [a.spec?.kind ?? null, a.word.value])

describe('parse: program and global options', () => {
  it('reads global options before the command', () => {
    const p = parse('docker -H tcp://x -D run nginx')
    expect(p.globalFlags.map(f => [f.spec.long, f.value])).toEqual([
      ['host', 'tcp://x'],
      ['debug', null],
    ])
    expect(p.spec?.path).toEqual(['container', 'run'])
    expect(p.errors).toEqual([])
  })

  it('refuses a command flag written before the command', () => {
    const p = parse('docker --rm run nginx')
    expect(p.errors[0]).toMatchObject({ start: 7, end: 11 })
    expect(p.errors[0]!.message).toContain('--rm')
  })

  it('refuses --host together with --context (a client rule)', () => {
    const p = parse('docker -H tcp://x --context c ps')
    expect(p.errors.map(e => e.message).join()).toMatch(/--host and --context/)
  })

  it('recognises another program, with assignments and sudo before docker', () => {
    expect(parse('pip install flask').isDocker).toBe(false)
    const p = parse('DOCKER_HOST=tcp://x sudo docker ps')
    expect(p.isDocker).toBe(true)
    expect(p.prefix.map(x => x.kind)).toEqual(['assignment', 'sudo'])
  })

  it('docker alone and a management command alone print help', () => {
    expect(parse('docker')).toMatchObject({ help: true, errors: [] })
    expect(parse('docker container')).toMatchObject({ help: true, errors: [] })
    expect(parse('docker --version')).toMatchObject({ version: true, errors: [] })
  })

  it('names an unknown command and suggests the close one', () => {
    const p = parse('docker runn nginx')
    expect(p.errors).toEqual([expect.objectContaining({ start: 7, end: 11, suggestion: 'run' })])
    expect(parse('docker container lss').errors[0]).toMatchObject({ start: 17, end: 20, suggestion: 'ls' })
  })
})

describe('parse: flags as pflag reads them', () => {
  it('splits combined shorthands', () => {
    const p = parse('docker run -itd nginx')
    expect(p.flags.map(f => [f.spec.long, f.written, f.nameSpan.start])).toEqual([
      ['interactive', '-i', 12],
      ['tty', '-t', 13],
      ['detach', '-d', 14],
    ])
  })

  it('takes an attached value after a shorthand, and after a group of bool shorthands', () => {
    expect(flagValues(parse('docker run -p8080:80 nginx'))).toEqual([['publish', '8080:80']])
    const p = parse('docker run -itp 8080:80 nginx')
    expect(flagValues(p)).toEqual([
      ['interactive', null],
      ['tty', null],
      ['publish', '8080:80'],
    ])
    expect(p.flags[2]!.span).toEqual({ start: 14, end: 23 })
  })

  it('-e=X gives the value X, like pflag', () => {
    const p = parse('docker run -e=X nginx')
    expect(flagValues(p)).toEqual([['env', 'X']])
    expect(p.flags[0]!.valueSpan).toEqual({ start: 14, end: 15 })
  })

  it('--flag=value and --bool=false', () => {
    const p = parse('docker run --name=web --rm=false nginx')
    expect(p.flags.map(f => [f.spec.long, f.effective])).toEqual([
      ['name', 'web'],
      ['rm', 'false'],
    ])
  })

  it('a flag that needs a value takes the next word even when it starts with -', () => {
    const p = parse('docker run -e -X nginx')
    expect(flagValues(p)).toEqual([['env', '-X']])
    expect(argValues(p)).toEqual([['image', 'nginx']])
  })

  it('a bool flag does not take the next word', () => {
    expect(argValues(parse('docker run --rm false nginx'))).toEqual([
      ['image', 'false'],
      ['command', 'nginx'],
    ])
  })

  it('-- ends the flags', () => {
    const p = parse('docker rm -- -f')
    expect(p.flags).toEqual([])
    expect(p.separator?.value).toBe('--')
    expect(argValues(p)).toEqual([['container', '-f']])
  })

  it('allows flags after arguments for most commands', () => {
    const p = parse('docker rm c1 -f')
    expect(flagValues(p)).toEqual([['force', null]])
    expect(argValues(p)).toEqual([['container', 'c1']])
    expect(parse('docker logs pinger --tail 10').errors).toEqual([])
  })

  it('stops at the image of run: the rest belongs to the container', () => {
    const p = parse('docker run nginx -p 80:80')
    expect(p.flags).toEqual([])
    expect(argValues(p)).toEqual([
      ['image', 'nginx'],
      ['command', '-p'],
      ['command', '80:80'],
    ])
  })

  it('stops at the container of exec', () => {
    const p = parse('docker exec -it mypython ls -la')
    expect(flagValues(p)).toEqual([
      ['interactive', null],
      ['tty', null],
    ])
    expect(argValues(p)).toEqual([
      ['container', 'mypython'],
      ['command', 'ls'],
      ['command', '-la'],
    ])
  })
})

describe('parse: errors where the client refuses', () => {
  it.each([
    ['docker run --it nginx', 11, 15, '-it'],
    ['docker run -rm nginx', 11, 14, '--rm'],
    ['docker ps --alll', 10, 16, '--all'],
  ])('%s → unknown flag with a suggestion', (text, start, end, suggestion) => {
    const p = parse(text)
    expect(p.errors).toEqual([expect.objectContaining({ start, end, suggestion })])
  })

  it('a missing value names the flag', () => {
    const p = parse('docker run --name')
    expect(p.errors).toHaveLength(1)
    expect(p.errors[0]).toMatchObject({ start: 11, end: 17 })
    expect(p.errors[0]!.message).toContain('--name')
  })

  it('wrong numbers of arguments', () => {
    expect(parse('docker run').errors[0]!.message).toMatch(/requires at least 1 argument/)
    expect(parse('docker exec c1').errors[0]!.message).toMatch(/requires at least 2 arguments/)
    const p = parse('docker ps x')
    expect(p.errors[0]).toMatchObject({ start: 10, end: 11 })
    expect(p.errors[0]!.message).toMatch(/accepts no arguments/)
    expect(parse('docker logs a b').errors[0]).toMatchObject({ start: 14, end: 15 })
  })

  it('help wins over a missing argument, not over an unknown flag', () => {
    expect(parse('docker run --help').errors).toEqual([])
    expect(parse('docker ps -h').errors).toEqual([])
    expect(parse('docker run --help --foo').errors).toHaveLength(1)
  })

  it('bad flag syntax', () => {
    expect(parse('docker run ---x nginx').errors[0]!.message).toMatch(/Bad flag syntax/)
    expect(parse('docker run -d= nginx').errors[0]!.message).toMatch(/'='/)
  })

  it('cross-flag rules: --rm with --restart, --attach with --detach', () => {
    expect(parse('docker run --rm --restart always nginx').errors[0]).toMatchObject({ start: 16, end: 32 })
    expect(parse('docker run --rm --restart no nginx').errors).toEqual([])
    expect(parse('docker run --rm=false --restart always nginx').errors).toEqual([])
    expect(parse('docker run -d --rm nginx').errors).toEqual([])
    expect(parse('docker run -a stdout -d nginx').errors[0]!.message).toMatch(/--attach and --detach/)
    expect(parse('docker run -a stdout nginx').errors).toEqual([])
  })

  it('checks the image reference of run and pull', () => {
    const p = parse('docker pull NGINX')
    expect(p.errors).toHaveLength(1)
    expect(p.errors[0]!.start).toBeGreaterThanOrEqual(12)
    expect(parse('docker pull nginx').errors).toEqual([])
  })

  it('does not judge a value the shell fills in', () => {
    expect(parse('docker run -p $PORT:80 nginx').errors).toEqual([])
  })
})
