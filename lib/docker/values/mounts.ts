// Storage flags: `-v/--volume` (short syntax) and `--mount` (key=value syntax).
// The client checks little (empty sections, too many colons, unknown --mount keys); the Docker
// daemon checks the rest (absolute target, modes). Both are reported; daemon checks are marked.
import type { MountInfo } from '../types'
import type { ValueResult } from './result'
import { readCsvRecord } from './csv'
import { parseBytes, parseGoBool, parseGoUint } from './numbers'
import { daemonRefuses, fail, ok } from './result'

export type MountValue = Omit<MountInfo, 'span'>

interface VolumeFields {
  source: string
  sourceStart: number
  target: string
  targetStart: number
  mode: string
  modeStart: number
}

function isWindowsDriveAt(buffer: string, char: string): boolean {
  return char === ':' && buffer.length === 1 && /\p{L}/u.test(buffer)
}

/** Where a bind mount's source is a path rather than a volume name (the client's rule). */
function isFilePath(source: string): boolean {
  if (source === '.' || source === '..')
    return true
  if ('./~'.includes(source[0] ?? ''))
    return true
  if (source.startsWith('\\\\'))
    return true
  return source.length >= 2 && /\p{L}/u.test(source[0] ?? '') && source[1] === ':'
}

/** The client's reading of `-v` (docker's compose loader ParseVolume). */
function splitVolumeSpec(text: string): ValueResult<VolumeFields> {
  const fields: VolumeFields = { source: '', sourceStart: 0, target: '', targetStart: 0, mode: '', modeStart: 0 }
  if (text.length <= 2) {
    fields.target = text
    return ok(fields)
  }
  let buffer = ''
  let bufferStart = 0
  const END = '\u0000end'
  const chars = [...text]
  let position = 0
  for (let index = 0; index <= chars.length; index++) {
    const char = index < chars.length ? (chars[index] ?? '') : END
    if (char !== END && isWindowsDriveAt(buffer, char)) {
      buffer += char
    }
    else if (char === ':' || char === END) {
      if (buffer === '') {
        return fail(`invalid spec: ${text}: empty section between colons`, position, position + (char === END ? 0 : 1))
      }
      if (fields.source === '' && char === END) {
        fields.target = buffer
        fields.targetStart = bufferStart
      }
      else if (fields.source === '') {
        fields.source = buffer
        fields.sourceStart = bufferStart
      }
      else if (fields.target === '') {
        fields.target = buffer
        fields.targetStart = bufferStart
      }
      else if (char === ':') {
        return fail(`invalid spec: ${text}: too many colons`, position, text.length)
      }
      else {
        fields.mode = buffer
        fields.modeStart = bufferStart
      }
      buffer = ''
      bufferStart = position + char.length
    }
    else {
      buffer += char
    }
    position += char === END ? 0 : char.length
  }
  return ok(fields)
}

const RW_MODES = new Set(['rw', 'ro'])
const LABEL_MODES = new Set(['z', 'Z'])
const PROPAGATION_MODES = new Set(['private', 'rprivate', 'shared', 'rshared', 'slave', 'rslave'])
const COPY_MODES = new Set(['nocopy'])
const CONSISTENCY_MODES = new Set(['consistent', 'cached', 'delegated'])

/** The daemon's check of the options after the second colon: one of each kind at most. */
function validMountMode(mode: string): boolean {
  if (mode === '')
    return true
  const counts = [0, 0, 0, 0, 0]
  for (const option of mode.split(',')) {
    const kind = [RW_MODES, LABEL_MODES, PROPAGATION_MODES, COPY_MODES, CONSISTENCY_MODES].findIndex(set => set.has(option))
    if (kind === -1)
      return false
    counts[kind] = (counts[kind] ?? 0) + 1
  }
  return counts.every(count => count <= 1)
}

const VOLUME_NAME = /^[a-z0-9][\w.-]+$/i

export function parseVolume(text: string): ValueResult<MountValue> {
  if (text === '')
    return fail('invalid empty volume spec', 0, 0)
  const split = splitVolumeSpec(text)
  if (!split.ok)
    return split
  const { source, sourceStart, target, targetStart, mode, modeStart } = split.value

  const windowsSource = /^\p{L}:[\\/]/u.test(source) || source.startsWith('\\\\')
  const type: MountValue['type'] = source === '' ? 'anonymous' : isFilePath(source) ? 'bind' : 'volume'
  const modes = mode === '' ? [] : mode.split(',')
  const options = Object.fromEntries(modes.filter(m => m !== 'ro' && m !== 'rw').map(m => [m, '']))
  const value: MountValue = { type, source: source === '' ? null : source, target, readOnly: modes.includes('ro'), syntax: 'volume', options }

  // What the daemon then refuses.
  if (source !== '' && mode === '' && validMountMode(target)) {
    return daemonRefuses(value, `invalid volume specification: '${text}' (${target} is a mode; the target path is missing)`, targetStart, text.length)
  }
  if (!validMountMode(mode)) {
    return daemonRefuses(value, `invalid mode: ${mode} (expected ro or rw, optionally with z, Z, nocopy or a propagation mode)`, modeStart, modeStart + mode.length)
  }
  if (!target.startsWith('/') && !windowsSource) {
    return daemonRefuses(
      value,
      `invalid volume specification: '${text}': invalid mount config for type "${type === 'bind' ? 'bind' : 'volume'}": invalid mount path: '${target}' mount path must be absolute`,
      targetStart,
      targetStart + target.length,
    )
  }
  if (target === '/')
    return daemonRefuses(value, `invalid volume specification: '${text}': destination can't be '/'`, targetStart, targetStart + 1)
  if (type === 'volume' && !VOLUME_NAME.test(source)) {
    return daemonRefuses(
      value,
      `create ${source}: "${source}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`,
      sourceStart,
      sourceStart + source.length,
    )
  }
  if (type === 'bind' && source.startsWith('~')) {
    // The client sends `~` unexpanded and the daemon reads it as a volume name; a shell expands it
    // only at the start of a word (`-v ~/x:/y`, not `-v=~/x:/y`).
    return daemonRefuses(
      value,
      `create ${source}: "${source}" includes invalid characters for a local volume name; docker does not expand ~ (only a shell does, at the start of a word). Use an absolute path or $HOME`,
      sourceStart,
      sourceStart + 1,
    )
  }
  return ok(value)
}

const MOUNT_TYPES = new Set<string>(['bind', 'volume', 'tmpfs', 'npipe', 'cluster', 'image'])

/** `--mount type=…,source=…,target=…[,readonly][,…]` as the client's MountOpt reads it. */
export function parseMount(text: string): ValueResult<MountValue> {
  const record = readCsvRecord(text)
  if (!record.ok)
    return record
  let type = 'volume'
  let typeSpan = { start: 0, end: 0 }
  let source: string | null = null
  let target = ''
  let targetSpan = { start: 0, end: text.length }
  let readOnly = false
  const optionKinds = new Map<string, { start: number, end: number }>()
  let bindRecursive = ''
  let propagation = ''
  const options: Record<string, string> = {}
  for (const field of record.value) {
    const equals = field.value.indexOf('=')
    const key = (equals === -1 ? field.value : field.value.slice(0, equals)).toLowerCase()
    const value = equals === -1 ? '' : field.value.slice(equals + 1)
    const valueStart = field.start + (equals === -1 ? field.value.length : equals + 1)
    const badValue = (message: string) => fail(message, valueStart, field.end)
    if (!['type', 'source', 'src', 'target', 'dst', 'destination', 'readonly', 'ro'].includes(key))
      options[key] = value
    if (equals === -1) {
      if (key === 'readonly' || key === 'ro')
        readOnly = true
      else if (key === 'volume-nocopy')
        optionKinds.set('volume', field)
      else if (key === 'bind-nonrecursive')
        optionKinds.set('bind', field)
      else return fail(`invalid field '${field.value}' must be a key=value pair`, field.start, field.end)
      continue
    }
    switch (key) {
      case 'type':
        type = value.toLowerCase()
        typeSpan = { start: valueStart, end: field.end }
        break
      case 'source':
      case 'src':
        source = value
        break
      case 'target':
      case 'dst':
      case 'destination':
        target = value
        targetSpan = { start: valueStart, end: field.end }
        break
      case 'readonly':
      case 'ro': {
        const parsed = parseGoBool(value)
        if (!parsed.ok)
          return badValue(`invalid value for ${key}: ${value}`)
        readOnly = parsed.value
        break
      }
      case 'consistency':
        break
      case 'bind-propagation':
        propagation = value.toLowerCase()
        optionKinds.set('bind', field)
        break
      case 'bind-nonrecursive': {
        if (!parseGoBool(value).ok)
          return badValue(`invalid value for ${key}: ${value}`)
        optionKinds.set('bind', field)
        break
      }
      case 'bind-recursive':
        if (!['enabled', 'disabled', 'writable', 'readonly'].includes(value)) {
          return badValue(`invalid value for ${key}: ${value} (must be "enabled", "disabled", "writable", or "readonly")`)
        }
        bindRecursive = value
        if (value !== 'enabled')
          optionKinds.set('bind', field)
        break
      case 'volume-nocopy':
        if (!parseGoBool(value).ok)
          return badValue(`invalid value for volume-nocopy: ${value}`)
        optionKinds.set('volume', field)
        break
      case 'volume-subpath':
      case 'volume-label':
      case 'volume-driver':
      case 'volume-opt':
        optionKinds.set('volume', field)
        break
      case 'image-subpath':
        optionKinds.set('image', field)
        break
      case 'tmpfs-size':
        if (!parseBytes(value).ok)
          return badValue(`invalid value for ${key}: ${value}`)
        optionKinds.set('tmpfs', field)
        break
      case 'tmpfs-mode': {
        const octal = /^[0-7]+$/.test(value) ? parseGoUint(`0o${value}`, 32) : null
        if (!octal?.ok)
          return badValue(`invalid value for ${key}: ${value}`)
        optionKinds.set('tmpfs', field)
        break
      }
      default:
        return fail(`unexpected key '${key}' in '${field.value}'`, field.start, field.start + equals)
    }
  }
  if (type === '')
    return fail('type is required', typeSpan.start, typeSpan.end)
  if (target === '')
    return fail('target is required (write target=/path/in/container)', targetSpan.start, targetSpan.end)
  for (const [kind, span] of optionKinds) {
    if (kind !== type)
      return fail(`cannot mix '${kind}-*' options with mount type '${type}'`, span.start, span.end)
  }
  if (bindRecursive === 'writable' && !readOnly) {
    return fail('option \'bind-recursive=writable\' requires \'readonly\' to be specified in conjunction', 0, text.length)
  }
  if (bindRecursive === 'readonly') {
    if (!readOnly)
      return fail('option \'bind-recursive=readonly\' requires \'readonly\' to be specified in conjunction', 0, text.length)
    if (propagation !== 'rprivate') {
      return fail('option \'bind-recursive=readonly\' requires \'bind-propagation=rprivate\' to be specified in conjunction', 0, text.length)
    }
  }
  const kind: MountValue['type'] = type === 'volume' && !source ? 'anonymous' : MOUNT_TYPES.has(type) ? (type as MountValue['type']) : 'volume'
  const value: MountValue = { type: kind, source: source === '' ? null : source, target, readOnly, syntax: 'mount', options }
  // The daemon's checks.
  if (!MOUNT_TYPES.has(type)) {
    return daemonRefuses(value, `mount type unknown: ${type} (expected bind, volume, tmpfs, npipe, cluster or image)`, typeSpan.start, typeSpan.end)
  }
  if (type !== 'npipe' && !target.startsWith('/')) {
    return daemonRefuses(value, `invalid mount config for type "${type}": invalid mount path: '${target}' mount path must be absolute`, targetSpan.start, targetSpan.end)
  }
  if (type === 'bind' && !source)
    return daemonRefuses(value, 'invalid mount config for type "bind": field Source must not be empty', 0, text.length)
  if (type === 'tmpfs' && source)
    return daemonRefuses(value, 'invalid mount config for type "tmpfs": field Source must not be specified', 0, text.length)
  return ok(value)
}

/**
 * `--tmpfs /path[:options]`: an in-memory folder; the options (`rw,size=64m,mode=1777`) go to the
 * kernel's mount call as they are, so only their shape is read here.
 */
export function parseTmpfs(text: string): ValueResult<MountValue> {
  const colon = text.indexOf(':')
  const target = colon === -1 ? text : text.slice(0, colon)
  const written = colon === -1 ? [] : text.slice(colon + 1).split(',').filter(Boolean)
  const options: Record<string, string> = {}
  for (const option of written) {
    const equals = option.indexOf('=')
    if (option !== 'ro' && option !== 'rw')
      options[equals === -1 ? option : option.slice(0, equals)] = equals === -1 ? '' : option.slice(equals + 1)
  }
  return ok({ type: 'tmpfs', source: null, target, readOnly: written.includes('ro'), syntax: 'tmpfs', options })
}
