import type { CommandSpec } from '../../../lib/docker/types'
// The look-ups the parser relies on, and the explanations a beginner reads.
import { describe, expect, it } from 'vitest'
import {
  commandHasTrait,
  COMMANDS,
  findFlag,
  resolveCommand,
  ROOT_COMMAND,
  subcommandsOf,
  suggestCommand,
  suggestFlag,
} from '../../../lib/docker/grammar'

function spec(...path: string[]): CommandSpec {
  const resolved = resolveCommand(path)
  if (!resolved)
    throw new Error(`no command ${path.join(' ')}`)
  return resolved.spec
}

describe('resolveCommand', () => {
  it.each([
    [['run', 'nginx'], ['container', 'run'], 1],
    [['container', 'run', 'nginx'], ['container', 'run'], 2],
    [['ps'], ['container', 'ls'], 1],
    [['container', 'list'], ['container', 'ls'], 2],
    [['container', 'ps'], ['container', 'ls'], 2],
    [['images'], ['image', 'ls'], 1],
    [['image', 'list'], ['image', 'ls'], 2],
    [['rmi', 'x'], ['image', 'rm'], 1],
    [['image', 'remove', 'x'], ['image', 'rm'], 2],
    [['rm', 'x'], ['container', 'rm'], 1],
    [['container', 'remove'], ['container', 'rm'], 2],
    [['build', '.'], ['image', 'build'], 1],
    [['builder', 'build', '.'], ['image', 'build'], 2],
    [['info'], ['system', 'info'], 1],
    [['events'], ['system', 'events'], 1],
    [['stack', 'up'], ['stack', 'deploy'], 2],
    [['trust', 'key', 'generate', 'me'], ['trust', 'key', 'generate'], 3],
    [['compose', 'up', '-d'], ['compose', 'up'], 2],
    [['volume', 'frobnicate'], ['volume'], 1],
    [['compose'], ['compose'], 1],
    [['trust', 'key'], ['trust', 'key'], 2],
  ] as const)('%j → %j', (words, path, length) => {
    const resolved = resolveCommand(words)
    expect(resolved?.spec.path).toEqual(path)
    expect(resolved?.length).toBe(length)
  })

  it('knows nothing of words that are no docker command', () => {
    expect(resolveCommand(['runn'])).toBeNull()
    expect(resolveCommand([])).toBeNull()
    expect(resolveCommand(['nginx', 'run'])).toBeNull()
  })
})

describe('subcommandsOf', () => {
  it('lists management commands, shorthands and plugins at the top level', () => {
    const names = subcommandsOf([]).map(command => command.path.join(' '))
    for (const name of ['container', 'image', 'volume', 'network', 'system', 'compose', 'container run', 'container ls', 'image ls']) {
      expect(names).toContain(name)
    }
  })

  it('lists what a group offers, aliases included', () => {
    expect(subcommandsOf(['volume']).map(command => command.path.at(-1)).sort()).toEqual(
      ['create', 'inspect', 'ls', 'prune', 'rm', 'update'],
    )
    expect(subcommandsOf(['builder']).map(command => command.path.join(' ')).sort()).toEqual(['builder prune', 'image build'])
    expect(subcommandsOf(['compose']).map(command => command.path.at(-1)).join(' ')).toBe(
      'up down logs ps build exec run pull config '
      + 'create start stop restart kill pause unpause rm top images port ls events stats '
      + 'attach cp wait watch scale commit export push publish version',
    )
    expect(subcommandsOf(['container', 'run'])).toEqual([])
  })
})

describe('findFlag', () => {
  const run = spec('run')
  it('finds by long name and by shorthand', () => {
    expect(findFlag(run, 'publish', false)?.short).toBe('p')
    expect(findFlag(run, 'p', true)?.long).toBe('publish')
    expect(findFlag(run, 'P', true)?.long).toBe('publish-all')
    expect(findFlag(run, 'h', true)?.long).toBe('hostname')
    expect(findFlag(run, 'p', false)).toBeUndefined()
  })

  it('knows hidden and deprecated flags the client still accepts', () => {
    expect(findFlag(run, 'net', false)?.hidden).toBe(true)
    expect(findFlag(spec('stop'), 'time', false)?.deprecated).toBe(true)
    expect(findFlag(spec('volume', 'create'), 'name', false)?.hidden).toBe(true)
  })

  it('takes --help on every command but leaves global options to the caller', () => {
    expect(findFlag(spec('volume', 'ls'), 'help', false)?.type).toBe('bool')
    expect(findFlag(spec('stack', 'deploy'), 'help', false)).toBeDefined()
    expect(findFlag(run, 'debug', false)).toBeUndefined()
    expect(findFlag(spec('ps'), 'H', true)).toBeUndefined()
  })

  it('reads the value types docker prints', () => {
    expect(findFlag(run, 'memory', false)?.type).toBe('bytes')
    expect(findFlag(run, 'cpus', false)?.type).toBe('decimal')
    expect(findFlag(run, 'health-interval', false)?.type).toBe('duration')
    expect(findFlag(run, 'detach', false)?.type).toBe('bool')
    expect(findFlag(spec('compose', 'up'), 'scale', false)?.type).toBe('stringArray')
  })
})

describe('suggestions for typos', () => {
  it.each([
    ['runn', [], 'run'],
    ['contianer', [], 'container'],
    ['imagse', [], 'images'],
    ['RUN', [], 'run'],
    ['lss', ['volume'], 'ls'],
    ['upp', ['compose'], 'up'],
    ['xyzzy', [], null],
    ['', [], null],
  ] as const)('%s (under %j) → %s', (word, parent, expected) => {
    expect(suggestCommand(word, parent)).toBe(expected)
  })

  const run = spec('run')
  it.each([
    ['--it', '-it'],
    ['--dit', '-dit'],
    ['-rm', '--rm'],
    ['-name', '--name'],
    ['--volumes', '--volume'],
    ['--nmae', '--name'],
    ['--nmae=web', '--name'],
    ['--publsh', '--publish'],
    ['--detatch', '--detach'],
    ['--zzzzzzzz', null],
    ['--rm', null],
    ['-x', null],
  ] as const)('docker run %s → %s', (written, expected) => {
    expect(suggestFlag(run, written)).toBe(expected)
  })

  it('does not merge letters into a group when one takes a value', () => {
    // -p takes a value, so --ip is not "-i -p"; it is the real --ip option.
    expect(findFlag(run, 'ip', false)).toBeDefined()
    expect(suggestFlag(run, '--pi')).toBe('--ip')
    expect(suggestFlag(run, '--ti')).toBe('-ti')
  })
})

describe('explanations', () => {
  it('every command explains itself in our own words', () => {
    for (const command of COMMANDS) {
      expect(command.explain.length, command.path.join(' ')).toBeGreaterThan(20)
      expect(command.explain, command.path.join(' ')).not.toBe(command.summary)
    }
  })

  it('every flag of the commands a beginner meets is explained', () => {
    const beginnerCommands = [
      ['run'],
      ['create'],
      ['exec'],
      ['ps'],
      ['images'],
      ['pull'],
      ['push'],
      ['rmi'],
      ['stop'],
      ['kill'],
      ['rm'],
      ['inspect'],
      ['logs'],
      ['attach'],
      ['cp'],
      ['diff'],
      ['build'],
      ['tag'],
      ['system', 'prune'],
      ...['create', 'ls', 'inspect', 'rm', 'prune'].map(name => ['volume', name]),
      ...['create', 'ls', 'inspect', 'rm', 'prune', 'connect', 'disconnect'].map(name => ['network', name]),
      ...['up', 'down', 'logs', 'ps', 'build', 'exec', 'run', 'pull', 'config'].map(name => ['compose', name]),
      ...subcommandsOf(['compose']).map(command => command.path),
    ]
    for (const path of beginnerCommands) {
      const command = spec(...path)
      for (const flag of command.flags) {
        expect(flag.explain, `${path.join(' ')} --${flag.long}`).toBeTruthy()
        expect(flag.explain, `${path.join(' ')} --${flag.long}`).not.toBe(flag.help)
      }
    }
  })

  it('uses {value} where the value matters', () => {
    const run = spec('run')
    for (const name of ['name', 'publish', 'volume', 'memory', 'network', 'workdir', 'user', 'platform']) {
      expect(findFlag(run, name, false)?.explain).toContain('{value}')
    }
  })
})

describe('argument rules', () => {
  it.each([
    [['run'], 1, null],
    [['exec'], 2, null],
    [['stop'], 1, null],
    [['logs'], 1, 1],
    [['cp'], 2, 2],
    [['tag'], 2, 2],
    [['pull'], 1, 1],
    [['build'], 1, 1],
    [['ps'], 0, 0],
    [['images'], 0, 1],
    [['volume', 'create'], 0, 1],
    [['network', 'create'], 1, 1],
    [['network', 'connect'], 2, 2],
    [['compose', 'exec'], 2, null],
    [['compose', 'run'], 1, null],
    [['compose', 'up'], 0, null],
    // Compose's cobra validators (cmd/compose/*.go, v2.36.2): none on stop, start, restart, rm…
    [['compose', 'stop'], 0, null],
    [['compose', 'start'], 0, null],
    [['compose', 'restart'], 0, null],
    [['compose', 'rm'], 0, null],
    [['compose', 'ls'], 0, 0], // cobra.NoArgs
    [['compose', 'version'], 0, 0],
    [['compose', 'stats'], 0, 1], // MaximumNArgs(1)
    [['compose', 'cp'], 2, 2], // ExactArgs(2)
    [['compose', 'publish'], 1, 1],
    [['compose', 'commit'], 1, 2], // RangeArgs(1, 2)
    [['compose', 'port'], 2, null], // MinimumNArgs(2)
    [['compose', 'attach'], 1, null], // MinimumNArgs(1): the words after SERVICE are ignored
    [['compose', 'export'], 1, null],
    [['compose', 'wait'], 1, null],
    [['compose', 'scale'], 1, null],
  ] as const)('docker %j takes %i to %s arguments', (path, min, max) => {
    const args = spec(...path).args
    expect(args.reduce((sum, arg) => sum + arg.min, 0)).toBe(min)
    expect(args.some(arg => arg.max === null) ? null : args.reduce((sum, arg) => sum + (arg.max ?? 0), 0)).toBe(max)
  })

  it('knows what the words stand for', () => {
    expect(spec('run').args.map(arg => arg.kind)).toEqual(['image', 'command'])
    expect(spec('exec').args.map(arg => arg.kind)).toEqual(['container', 'command'])
    expect(spec('cp').args.map(arg => arg.kind)).toEqual(['cp-location', 'cp-location'])
    expect(spec('network', 'connect').args.map(arg => arg.kind)).toEqual(['network', 'container'])
  })
})

describe('traits: what a command does, as data', () => {
  it('names the commands of each trait', () => {
    const having = (trait: Parameters<typeof commandHasTrait>[1]) => COMMANDS.filter(c => commandHasTrait(c, trait)).map(c => c.path.join(' ')).sort()
    expect(having('creates-container')).toEqual(['container create', 'container run'])
    expect(having('starts-container')).toEqual(['container run'])
    expect(having('pulls-image')).toEqual(['container create', 'container run', 'image pull'])
    expect(having('runs-in-container')).toEqual(['container exec'])
    expect(having('checks-image-reference')).toEqual(['container create', 'container run', 'image pull', 'image tag'])
  })

  it('the short forms reach the same traits', () => {
    expect(commandHasTrait(resolveCommand(['run'])!.spec, 'creates-container')).toBe(true)
    expect(commandHasTrait(resolveCommand(['pull'])!.spec, 'pulls-image')).toBe(true)
    expect(commandHasTrait(resolveCommand(['ps'])!.spec, 'creates-container')).toBe(false)
  })

  it('old spellings of flags name the flag they stand for', () => {
    const run = resolveCommand(['run'])!.spec
    const aliases = run.flags.filter(f => f.aliasOf).map(f => [f.long, f.aliasOf])
    expect(aliases).toEqual([['dns-opt', 'dns-option'], ['net', 'network'], ['net-alias', 'network-alias']])
    for (const [, canonical] of aliases) expect(findFlag(run, canonical!, false)).toBeDefined()
  })

  it('docker itself is a command whose flags are the global options', () => {
    expect(ROOT_COMMAND.flags.map(f => f.long)).toContain('host')
    expect(suggestFlag(ROOT_COMMAND, '--hots')).toBe('--host')
    expect(suggestFlag(ROOT_COMMAND, '-debug')).toBe('--debug')
  })
})
