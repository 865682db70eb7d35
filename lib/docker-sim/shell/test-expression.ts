// `test` and `[`: the POSIX primaries the deck's scripts use (files, strings, integers, ! -a -o).

import type { Shell, Streams } from './interpreter'
import { resolvePath } from '../fs/filesystem'

export async function evaluateTest(shell: Shell, args: string[], streams: Streams, name: 'test' | '['): Promise<number> {
  const fail = (message: string): number => {
    // BusyBox's test applet speaks without the shell's place.
    streams.stderr(shell.flavour === 'ash' ? `${shell.name}: ${message}\n` : `${shell.flavourText.builtin(shell.place(), name, message)}\n`)
    return 2
  }
  const fs = shell.io.fs
  const stat = (path: string) => fs.stat(resolvePath(shell.cwd, path))
  const integer = (text: string): number | null => /^\s*-?\d+\s*$/.test(text) ? Number(text) : null

  let pos = 0
  let error: string | null = null
  const primary = (): boolean => {
    const a = args[pos]
    if (a === undefined) {
      error ??= 'argument expected'
      return false
    }
    if (a === '!') {
      pos++
      return !primary()
    }
    if (a === '(') {
      pos++
      // eslint-disable-next-line ts/no-use-before-define -- mutual recursion: ( … ) holds a whole expression
      const value = or()
      if (args[pos] !== ')')
        error ??= `missing )`
      pos++
      return value
    }
    const op = args[pos + 1]
    const b = args[pos + 2]
    if (op !== undefined && b !== undefined && ['=', '==', '!=', '-eq', '-ne', '-lt', '-le', '-gt', '-ge'].includes(op)) {
      pos += 3
      if (op === '=' || op === '==')
        return a === b
      if (op === '!=')
        return a !== b
      const x = integer(a)
      const y = integer(b)
      if (x === null || y === null) {
        const bad = x === null ? a : b
        error ??= shell.flavour === 'bash' ? `${bad}: integer expression expected` : shell.flavour === 'ash' ? `${bad}: bad number` : `Illegal number: ${bad}`
        return false
      }
      return { '-eq': x === y, '-ne': x !== y, '-lt': x < y, '-le': x <= y, '-gt': x > y, '-ge': x >= y }[op]!
    }
    if (/^-[a-z]$/i.test(a) && op !== undefined) {
      pos += 2
      const s = stat(op)
      switch (a) {
        case '-e': return s !== null
        case '-f': return s?.kind === 'file'
        case '-d': return s?.kind === 'dir'
        case '-s': return (s?.size ?? 0) > 0 && s?.kind === 'file'
        case '-r':
        case '-w': return s !== null
        case '-x': return s !== null && (s.mode & 0o111) !== 0
        case '-L':
        case '-h': return (fs as { lstat?: (p: string) => { kind: string } | null }).lstat?.(resolvePath(shell.cwd, op))?.kind === 'symlink'
        case '-z': return op === ''
        case '-n': return op !== ''
        default:
          error ??= `${a}: unary operator expected`
          return false
      }
    }
    pos++
    return a !== ''
  }
  const and = (): boolean => {
    let value = primary()
    while (args[pos] === '-a') {
      pos++
      value = primary() && value
    }
    return value
  }
  const or = (): boolean => {
    let value = and()
    while (args[pos] === '-o') {
      pos++
      value = and() || value
    }
    return value
  }
  if (!args.length)
    return 1
  const result = or()
  if (error)
    return fail(error)
  if (pos < args.length)
    return fail(shell.flavour === 'bash' ? 'too many arguments' : `${args[pos]}: unexpected operator`)
  return result ? 0 : 1
}
