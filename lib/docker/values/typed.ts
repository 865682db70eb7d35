// What a flag's value means once read: one tagged union, so every consumer (explanation, picture,
// warnings, container configuration, Compose) reads the same typed result and never the text again.
import type { ImageReference } from '../types'
import type { MountValue } from './mounts'
import type { NetworkValue } from './network'
import type { DeviceValue, EnvValue, GpuRequest, PlatformValue, RestartPolicy } from './options'
import type { ExposedPortValue, PortMappingValue } from './publish'

export type FlagValue
  = | { kind: 'bool', value: boolean }
    | { kind: 'integer', value: number }
    | { kind: 'number', value: number }
    | { kind: 'cpus', nanoCpus: number }
    /** `unit`: false for a bare number, which the client reads as bytes. */
    | { kind: 'bytes', bytes: number, unit: boolean }
    /** `-1` for `--memory-swap`: unlimited. */
    | { kind: 'unlimited' }
    | { kind: 'duration', nanoseconds: number }
    | { kind: 'ports', ports: PortMappingValue[] }
    | { kind: 'expose', port: ExposedPortValue }
    | { kind: 'mount', mount: MountValue }
    | { kind: 'env', env: EnvValue }
    | { kind: 'restart', policy: RestartPolicy }
    /** Limits as numbers (-1: unlimited), so the value survives JSON. */
    | { kind: 'ulimit', ulimit: { name: string, soft: number, hard: number } }
    | { kind: 'image', image: ImageReference }
    | { kind: 'signal', signal: string }
    | { kind: 'platform', platform: PlatformValue }
    | { kind: 'host', host: string, ip: string }
    | { kind: 'gpus', gpus: GpuRequest }
    | { kind: 'network', network: NetworkValue }
    | { kind: 'device', device: DeviceValue }
    /** `key=value` (labels, sysctls, log and storage options, filters); a bare key has value null. */
    | { kind: 'key-value', key: string, value: string | null }
    | { kind: 'text', text: string }

export type FlagValueKind = FlagValue['kind']

/** The typed value of `kind`, or null: `valueOf(flag.typed, 'ports')?.ports`. */
export function valueOfKind<K extends FlagValueKind>(value: FlagValue | null | undefined, kind: K): Extract<FlagValue, { kind: K }> | null {
  return value?.kind === kind ? (value as Extract<FlagValue, { kind: K }>) : null
}

/** `key=value` split at the first `=`. */
export function keyValue(text: string): FlagValue {
  const equals = text.indexOf('=')
  return equals === -1 ? { kind: 'key-value', key: text, value: null } : { kind: 'key-value', key: text.slice(0, equals), value: text.slice(equals + 1) }
}
