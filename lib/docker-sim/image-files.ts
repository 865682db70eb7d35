// The files an image brings: a root tree per base system with its programs on the PATH, so a shell in
// a container finds `ls` and not `ping` in a python image. Only names and modes are modelled; the
// programs themselves are the simulator's (lib/docker-sim/programs), found by name.

import type { BaseSystem, CatalogImage } from '../docker/catalog'
import type { Layer, TreeSpec } from './fs'
import { freezeLayer, treeFromSpec } from './fs'

const OS_RELEASE: Record<BaseSystem, string> = {
  debian: 'PRETTY_NAME="Debian GNU/Linux 13 (trixie)"\nNAME="Debian GNU/Linux"\nVERSION_ID="13"\nVERSION="13 (trixie)"\nVERSION_CODENAME=trixie\nID=debian\n',
  ubuntu: 'PRETTY_NAME="Ubuntu 24.04.3 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION="24.04.3 LTS (Noble Numbat)"\nVERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\n',
  alpine: 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.22.2\nPRETTY_NAME="Alpine Linux v3.22"\n',
  busybox: '',
  oraclelinux: 'NAME="Oracle Linux Server"\nVERSION="9.6"\nID="ol"\nPRETTY_NAME="Oracle Linux Server 9.6"\n',
  scratch: '',
}

const DIRECTORIES = ['/bin', '/dev', '/etc', '/home', '/lib', '/media', '/mnt', '/opt', '/proc', '/root', '/run', '/sbin', '/srv', '/sys', '/tmp', '/usr', '/usr/bin', '/usr/local', '/usr/local/bin', '/usr/sbin', '/var', '/var/log', '/var/tmp']

const BUSYBOX_DIRECTORIES = ['/bin', '/dev', '/etc', '/home', '/lib', '/lib64', '/proc', '/root', '/sys', '/tmp', '/usr', '/usr/sbin', '/var']

/** Where a base system keeps a program: images from docker-library put their own software in /usr/local/bin. */
function programPath(base: BaseSystem, name: string, localPrograms: ReadonlySet<string>): string {
  if (name.startsWith('/'))
    return name
  if (localPrograms.has(name))
    return `/usr/local/bin/${name}`
  return base === 'alpine' || base === 'busybox' ? `/bin/${name}` : `/usr/bin/${name}`
}

/** Programs an image adds over its base (they go to /usr/local/bin). */
const LOCAL = new Set(['python', 'python3', 'pip', 'pip3', 'pydoc', 'pydoc3', 'idle', 'idle3', 'docker-entrypoint.sh', 'redis-server', 'redis-cli', 'node', 'npm', 'npx', 'yarn', 'corepack', 'gosu', 'httpd-foreground'])

const cache = new Map<string, Layer>()

/** The image's files as one read-only layer (built once per image and shared by its containers). */
export function catalogImageLayer(image: CatalogImage): Layer {
  const key = `${image.repository}:${image.tag}`
  const cached = cache.get(key)
  if (cached)
    return cached
  const spec: TreeSpec = {}
  if (image.base !== 'scratch') {
    // busybox's image has no /mnt, /opt, /srv, /media…: a mount there shows as `A /mnt` in docker diff.
    for (const dir of image.base === 'busybox' ? BUSYBOX_DIRECTORIES : DIRECTORIES)
      spec[`${dir}/`] = null
    spec['/etc/group'] = 'root:x:0:\n'
    spec['/tmp/'] = null
    if (image.base === 'debian' || image.base === 'ubuntu')
      spec['/lib64/'] = null
    if (OS_RELEASE[image.base])
      spec['/etc/os-release'] = OS_RELEASE[image.base]
    spec['/etc/passwd'] = 'root:x:0:0:root:/root:/bin/sh\n'
  }
  for (const name of image.programs) {
    if (name === '[')
      continue
    spec[programPath(image.base, name, LOCAL)] = { content: '', mode: 0o755 }
  }
  for (const volume of image.config.volumes)
    spec[`${volume}/`] = null
  if (image.config.workingDir)
    spec[`${image.config.workingDir}/`] = null
  const layer = freezeLayer(treeFromSpec(spec))
  cache.set(key, layer)
  return layer
}
