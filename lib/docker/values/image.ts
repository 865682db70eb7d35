// Image references, read with the grammar of the distribution `reference` package that docker uses:
//   [registry[:port]/][namespace/]repository[:tag][@algorithm:hex]
// Normalisation as `docker run` does it: Docker Hub (docker.io) when no registry is named, the
// `library/` namespace for Docker Hub's official images, tag `latest` when neither tag nor digest is given.
import type { ImageReference } from '../types'
import type { ValueResult } from './result'
import { fail, ok } from './result'

const DEFAULT_REGISTRY = 'docker.io'
const OFFICIAL_NAMESPACE = 'library'
const MAX_NAME_LENGTH = 255

const DOMAIN_COMPONENT = /^(?:[a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])$/i
const IPV6_HOST = /^\[[0-9a-f:.]+(?:%[^\]]+)?\]$/i
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/
const TAG = /^\w[\w.-]{0,127}$/
const DIGEST_ALGORITHM = /^[A-Z][A-Z0-9]*(?:[-_+.][A-Z][A-Z0-9]*)*$/i
const IMAGE_ID = /^[a-f0-9]{64}$/
/** Digest algorithms docker knows, with the length of their hex encoding. */
const DIGEST_LENGTHS: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 }

function isValidDomain(domain: string): boolean {
  const colon = domain.startsWith('[') ? domain.indexOf(']:') + 1 : domain.lastIndexOf(':')
  const host = colon > 0 ? domain.slice(0, colon) : domain
  const port = colon > 0 ? domain.slice(colon + 1) : null
  if (port !== null && !/^\d+$/.test(port))
    return false
  if (IPV6_HOST.test(host))
    return true
  return host.split('.').every(component => DOMAIN_COMPONENT.test(component))
}

function invalidFormat(raw: string, start = 0, end = raw.length): ValueResult<never> {
  return fail('invalid reference format', start, end)
}

export function parseImageReference(raw: string): ValueResult<ImageReference> {
  if (raw === '')
    return fail('invalid reference format: the image name is empty', 0, 0)
  // `docker run` also takes a bare 64-hex image ID.
  if (IMAGE_ID.test(raw)) {
    return ok({
      raw,
      registry: '',
      namespace: null,
      repository: raw,
      tag: null,
      digest: `sha256:${raw}`,
      defaulted: { registry: false, namespace: false, tag: false },
      official: false,
      explanation: `The local image whose full ID is ${raw.slice(0, 12)}…`,
    })
  }

  // name[:tag][@digest]
  const at = raw.indexOf('@')
  const beforeDigest = at === -1 ? raw : raw.slice(0, at)
  const digestText = at === -1 ? null : raw.slice(at + 1)
  const lastSlash = beforeDigest.lastIndexOf('/')
  const tagColon = beforeDigest.indexOf(':', lastSlash + 1)
  const name = tagColon === -1 ? beforeDigest : beforeDigest.slice(0, tagColon)
  const tag = tagColon === -1 ? null : beforeDigest.slice(tagColon + 1)

  if (digestText !== null) {
    const colon = digestText.indexOf(':')
    const algorithm = colon === -1 ? digestText : digestText.slice(0, colon)
    const hex = colon === -1 ? '' : digestText.slice(colon + 1)
    if (colon === -1 || !DIGEST_ALGORITHM.test(algorithm) || !/^[0-9a-f]{32,}$/i.test(hex)) {
      return invalidFormat(raw, at, raw.length)
    }
    const expected = DIGEST_LENGTHS[algorithm]
    if (expected === undefined)
      return fail('unsupported digest algorithm', at + 1, at + 1 + algorithm.length)
    if (hex.length !== expected)
      return fail('invalid checksum digest length', at + 1 + colon + 1, raw.length)
    if (!/^[0-9a-f]+$/.test(hex))
      return fail('invalid checksum digest format', at + 1 + colon + 1, raw.length)
  }
  if (tag !== null && !TAG.test(tag))
    return invalidFormat(raw, tagColon, beforeDigest.length)
  if (name === '')
    return invalidFormat(raw, 0, Math.max(1, tagColon))

  // Split off the registry: the first component names one when it contains `.` or `:`, is
  // `localhost`, or has an uppercase letter (repository paths are lowercase only).
  const firstSlash = name.indexOf('/')
  const first = firstSlash === -1 ? '' : name.slice(0, firstSlash)
  const hasRegistry
    = firstSlash !== -1 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first)
  let registry = hasRegistry ? first : DEFAULT_REGISTRY
  let path = hasRegistry ? name.slice(firstSlash + 1) : name
  const pathStart = hasRegistry ? firstSlash + 1 : 0
  if (registry === 'index.docker.io')
    registry = DEFAULT_REGISTRY
  const namespaceDefaulted = registry === DEFAULT_REGISTRY && !path.includes('/')
  if (namespaceDefaulted)
    path = `${OFFICIAL_NAMESPACE}/${path}`

  if (path.toLowerCase() !== path) {
    const upper = name.slice(pathStart).search(/[A-Z]/)
    return fail(
      `invalid reference format: repository name (${path}) must be lowercase`,
      pathStart + Math.max(0, upper),
      pathStart + Math.max(0, upper) + 1,
    )
  }
  if (hasRegistry && !isValidDomain(registry))
    return invalidFormat(raw, 0, firstSlash)
  const components = path.split('/')
  let offset = pathStart - (namespaceDefaulted ? OFFICIAL_NAMESPACE.length + 1 : 0)
  for (const component of components) {
    if (!PATH_COMPONENT.test(component)) {
      const start = Math.max(0, offset)
      return invalidFormat(raw, start, Math.max(start + 1, offset + component.length))
    }
    offset += component.length + 1
  }
  const fullName = `${registry}/${path}`
  if (fullName.length > MAX_NAME_LENGTH) {
    return fail(`repository name must not be more than ${MAX_NAME_LENGTH} characters`, 0, name.length)
  }

  const slash = path.lastIndexOf('/')
  const namespace = slash === -1 ? null : path.slice(0, slash)
  const repository = path.slice(slash + 1)
  const official = registry === DEFAULT_REGISTRY && namespace === OFFICIAL_NAMESPACE
  const tagDefaulted = tag === null && digestText === null
  const reference: ImageReference = {
    raw,
    registry,
    namespace,
    repository,
    tag: tag ?? (tagDefaulted ? 'latest' : null),
    digest: digestText,
    defaulted: { registry: !hasRegistry, namespace: namespaceDefaulted, tag: tagDefaulted },
    official,
    explanation: '',
  }
  reference.explanation = explainImage(reference)
  return ok(reference)
}

function explainImage(reference: ImageReference): string {
  const { registry, namespace, repository, tag, digest, defaulted, official } = reference
  let who: string
  if (official)
    who = `Docker Hub's official \`${repository}\` image`
  else if (registry === DEFAULT_REGISTRY)
    who = `the image \`${repository}\` by the Docker Hub user or organisation \`${namespace}\``
  else if (namespace)
    who = `the image \`${namespace}/${repository}\` from the registry ${registry}`
  else who = `the image \`${repository}\` from the registry ${registry}`
  let version: string
  if (digest && tag)
    version = `, tag ${tag}, pinned to the exact content ${digest.slice(0, 19)}… (the digest wins over the tag)`
  else if (digest)
    version = `, pinned to the exact content ${digest.slice(0, 19)}…, which never changes`
  else if (defaulted.tag)
    version = ', tag `latest` (no tag was given, so Docker uses `latest`, which moves whenever a new version is published)'
  else version = `, tag ${tag}`
  const sentence = `${who}${version}.`
  return sentence.charAt(0).toUpperCase() + sentence.slice(1)
}
