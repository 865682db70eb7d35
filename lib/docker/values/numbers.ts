import type { ValueResult } from './result'
// Numbers, sizes, durations and booleans read the way the docker client (Go) reads them:
// strconv.ParseInt/ParseUint/ParseFloat/ParseBool, time.ParseDuration, go-units RAMInBytes,
// and the big.Rat reading of --cpus.
import { fail, ok } from './result'

const DECIMAL_DIGITS = /^\d+$/

function syntaxError(fn: string, text: string): ValueResult<never> {
  return fail(`strconv.${fn}: parsing ${JSON.stringify(text)}: invalid syntax`, 0, text.length)
}

function rangeError(fn: string, text: string): ValueResult<never> {
  return fail(`strconv.${fn}: parsing ${JSON.stringify(text)}: value out of range`, 0, text.length)
}

/**
 * Go's rule for `_` in literals read with base 0: only between digits, or right after a base
 * prefix (`0x_1`, `0_7`).
 */
function underscoresAllowed(body: string, prefixed: boolean): boolean {
  return (prefixed || !body.startsWith('_')) && !body.endsWith('_') && !body.includes('__')
}

/** strconv.ParseUint(text, 0, bits) without the sign: null when the syntax is wrong. */
function parseUnsignedBase0(text: string): bigint | null {
  if (text === '')
    return null
  let base = 10
  let body = text
  if (/^0x/i.test(text)) {
    base = 16
    body = text.slice(2)
  }
  else if (/^0b/i.test(text)) {
    base = 2
    body = text.slice(2)
  }
  else if (/^0o/i.test(text)) {
    base = 8
    body = text.slice(2)
  }
  else if (text.length > 1 && text.startsWith('0')) {
    base = 8
    body = text.slice(1)
  }
  if (body.includes('_')) {
    if (!underscoresAllowed(body, base !== 10))
      return null
    body = body.replaceAll('_', '')
  }
  if (body === '')
    return null
  const digits = base === 16 ? /^[0-9a-f]+$/i : base === 8 ? /^[0-7]+$/ : base === 2 ? /^[01]+$/ : DECIMAL_DIGITS
  if (!digits.test(body))
    return null
  const prefix = base === 16 ? '0x' : base === 8 ? '0o' : base === 2 ? '0b' : ''
  return BigInt(prefix + body)
}

export function parseGoInt(text: string, bits: 32 | 64 = 64): ValueResult<bigint> {
  const sign = text.startsWith('-') ? -1n : 1n
  const unsigned = text.startsWith('-') || text.startsWith('+') ? text.slice(1) : text
  const magnitude = parseUnsignedBase0(unsigned)
  if (magnitude === null)
    return syntaxError('ParseInt', text)
  const value = sign * magnitude
  const limit = 1n << BigInt(bits - 1)
  if (value >= limit || value < -limit)
    return rangeError('ParseInt', text)
  return ok(value)
}

/** strconv.ParseInt(text, 10, 64): decimal digits with an optional sign. */
export function parseGoIntBase10(text: string): ValueResult<bigint> {
  if (!/^[+-]?\d+$/.test(text))
    return syntaxError('ParseInt', text)
  const value = BigInt(text)
  if (value >= 1n << 63n || value < -(1n << 63n))
    return rangeError('ParseInt', text)
  return ok(value)
}

export function parseGoUint(text: string, bits: 16 | 32 | 64): ValueResult<bigint> {
  const value = parseUnsignedBase0(text)
  if (value === null)
    return syntaxError('ParseUint', text)
  if (value >= 1n << BigInt(bits))
    return rangeError('ParseUint', text)
  return ok(value)
}

const GO_FLOAT = /^[+-]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?|0x(?:[0-9a-f]+(?:\.[0-9a-f]*)?|\.[0-9a-f]+)p[+-]?\d+|inf(?:inity)?|nan)$/i

function hexFloat(text: string): number {
  const match = /^([+-]?)0x([0-9a-f]*)(?:\.([0-9a-f]*))?p([+-]?\d+)$/i.exec(text)
  if (!match)
    return Number.NaN
  const [, sign, whole = '', fraction = '', exponent = '0'] = match
  const mantissa = Number.parseInt(`${whole}${fraction}` || '0', 16)
  const value = mantissa * 2 ** (Number(exponent) - 4 * fraction.length)
  return sign === '-' ? -value : value
}

export function parseGoFloat(text: string): ValueResult<number> {
  if (!GO_FLOAT.test(text))
    return syntaxError('ParseFloat', text)
  const lower = text.toLowerCase().replace(/^\+/, '')
  let value: number
  if (lower.includes('inf'))
    value = lower.startsWith('-') ? -Infinity : Infinity
  else if (lower === 'nan')
    value = Number.NaN
  else if (/^[+-]?0x/i.test(text))
    value = hexFloat(text)
  else value = Number(text)
  if (!Number.isFinite(value) && !lower.includes('inf') && lower !== 'nan')
    return rangeError('ParseFloat', text)
  return ok(value)
}

export function parseGoBool(text: string): ValueResult<boolean> {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text))
    return ok(true)
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text))
    return ok(false)
  return syntaxError('ParseBool', text)
}

const BINARY_UNITS: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 }

/** go-units RAMInBytes: `512m`, `1g`, `1.5GB`, `100kb`, `1KiB`; 1024-based, never negative. */
export function parseBytes(text: string): ValueResult<number> {
  let separator = -1
  for (let index = text.length - 1; index >= 0; index--) {
    if ('0123456789. '.includes(text[index] ?? '')) {
      separator = index
      break
    }
  }
  if (separator === -1)
    return fail(`invalid size: '${text}'`, 0, text.length)
  const number = text[separator] === ' ' ? text.slice(0, separator) : text.slice(0, separator + 1)
  const suffix = text.slice(separator + 1)
  const parsed = parseGoFloat(number)
  if (!parsed.ok)
    return { ...parsed, start: 0, end: number.length }
  if (parsed.value < 0 || Number.isNaN(parsed.value))
    return fail(`invalid size: '${text}'`, 0, text.length)
  const badSuffix = (shown: string) => fail(`invalid suffix: '${shown}'`, separator + 1, text.length)
  if (suffix === '')
    return ok(Math.trunc(parsed.value))
  if (suffix.length > 3)
    return badSuffix(suffix)
  const lower = suffix.toLowerCase()
  if (lower[0] === 'b')
    return lower.length > 1 ? badSuffix(lower) : ok(Math.trunc(parsed.value))
  const multiplier = BINARY_UNITS[lower[0] ?? '']
  if (multiplier === undefined)
    return badSuffix(lower)
  if ((lower.length === 2 && lower[1] !== 'b') || (lower.length === 3 && lower.slice(1) !== 'ib'))
    return badSuffix(lower)
  return ok(Math.trunc(parsed.value * multiplier))
}

const DURATION_UNITS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  µs: 1e3, // U+00B5 micro sign
  μs: 1e3, // U+03BC Greek mu
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
}

/** Go's time.ParseDuration, in nanoseconds: `1h30m`, `500ms`, `-1.5h`; a bare number only for `0`. */
export function parseGoDuration(text: string): ValueResult<number> {
  const quoted = JSON.stringify(text)
  const invalid = () => fail(`time: invalid duration ${quoted}`, 0, text.length)
  let rest = text
  let negative = false
  if (rest.startsWith('-') || rest.startsWith('+')) {
    negative = rest.startsWith('-')
    rest = rest.slice(1)
  }
  if (rest === '0')
    return ok(0)
  if (rest === '')
    return invalid()
  let total = 0
  let position = text.length - rest.length
  while (rest !== '') {
    const number = /^(\d*)(\.(\d*))?/.exec(rest)
    const whole = number?.[1] ?? ''
    const fraction = number?.[3] ?? ''
    const numberText = number?.[0] ?? ''
    if (!(rest[0] === '.' || /\d/.test(rest[0] ?? '')))
      return invalid()
    if (whole === '' && fraction === '')
      return invalid()
    rest = rest.slice(numberText.length)
    const unitMatch = /^[^0-9.]*/.exec(rest)
    const unit = unitMatch?.[0] ?? ''
    if (unit === '')
      return fail(`time: missing unit in duration ${quoted}`, position, position + numberText.length)
    const scale = DURATION_UNITS[unit]
    if (scale === undefined) {
      const unitStart = position + numberText.length
      return fail(`time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}`, unitStart, unitStart + unit.length)
    }
    total += Number(`${whole || '0'}.${fraction || '0'}`) * scale
    position += numberText.length + unit.length
    rest = rest.slice(unit.length)
  }
  if (total > 2 ** 63 - 1)
    return invalid()
  return ok(negative ? -total : total)
}

/** A decimal or fraction (`1.5`, `1/2`, `1e-3`) as numerator/denominator, like Go's big.Rat.SetString. */
function parseRational(text: string): { numerator: bigint, denominator: bigint } | null {
  const fraction = /^([+-]?)(\d+)\/(\d+)$/.exec(text)
  if (fraction) {
    const denominator = BigInt(fraction[3] ?? '1')
    if (denominator === 0n)
      return null
    const numerator = BigInt(fraction[2] ?? '0')
    return { numerator: fraction[1] === '-' ? -numerator : numerator, denominator }
  }
  const decimal = /^([+-]?)(?:(\d+)(?:\.(\d*))?|\.(\d+))(?:e([+-]?\d+))?$/i.exec(text)
  if (!decimal)
    return null
  const whole = decimal[2] ?? '0'
  const digitsAfterPoint = decimal[3] ?? decimal[4] ?? ''
  const exponent = Number(decimal[5] ?? '0') - digitsAfterPoint.length
  if (Math.abs(exponent) > 10_000)
    return null
  let numerator = BigInt(`${whole}${digitsAfterPoint}` || '0')
  let denominator = 1n
  if (exponent >= 0)
    numerator *= 10n ** BigInt(exponent)
  else denominator = 10n ** BigInt(-exponent)
  return { numerator: decimal[1] === '-' ? -numerator : numerator, denominator }
}

/** `--cpus`: a rational number of CPUs, at most nine decimals (it becomes nano-CPUs). */
export function parseNanoCpus(text: string): ValueResult<number> {
  const rational = parseRational(text)
  if (!rational)
    return fail(`failed to parse ${text} as a rational number`, 0, text.length)
  const nano = rational.numerator * 1_000_000_000n
  if (nano % rational.denominator !== 0n)
    return fail('value is too precise', 0, text.length)
  return ok(Number(nano / rational.denominator))
}
