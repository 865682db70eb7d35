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

// The accounts each base system ships (Debian's base-passwd, BusyBox's image, Alpine's alpine-baselayout),
// so `-u nobody` finds its uid, group and HOME as runc does.
const DEBIAN_PASSWD = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\nsys:x:3:3:sys:/dev:/usr/sbin/nologin\nsync:x:4:65534:sync:/bin:/bin/sync\ngames:x:5:60:games:/usr/games:/usr/sbin/nologin\nman:x:6:12:man:/var/cache/man:/usr/sbin/nologin\nlp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin\nmail:x:8:8:mail:/var/mail:/usr/sbin/nologin\nnews:x:9:9:news:/var/spool/news:/usr/sbin/nologin\nuucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin\nproxy:x:13:13:proxy:/bin:/usr/sbin/nologin\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\nbackup:x:34:34:backup:/var/backups:/usr/sbin/nologin\nlist:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin\nirc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin\n_apt:x:42:65534::/nonexistent:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n'
const DEBIAN_GROUP = 'root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nlp:x:7:\nmail:x:8:\nnews:x:9:\nuucp:x:10:\nman:x:12:\nproxy:x:13:\nkmem:x:15:\ndialout:x:20:\ncdrom:x:24:\nfloppy:x:25:\ntape:x:26:\nsudo:x:27:\naudio:x:29:\ndip:x:30:\nwww-data:x:33:\nbackup:x:34:\noperator:x:37:\nlist:x:38:\nirc:x:39:\nsrc:x:40:\nshadow:x:42:\nutmp:x:43:\nvideo:x:44:\nsasl:x:45:\nplugdev:x:46:\nstaff:x:50:\ngames:x:60:\nusers:x:100:\nnogroup:x:65534:\n'
const BUSYBOX_PASSWD = 'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\nsys:x:3:3:sys:/dev:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\nmail:x:8:8:mail:/var/spool/mail:/bin/false\nwww-data:x:33:33:www-data:/var/www:/bin/false\noperator:x:37:37:Operator:/var:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n'
const BUSYBOX_GROUP = 'root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nlp:x:7:\nmail:x:8:\nkmem:x:9:\nwheel:x:10:root\ncdrom:x:11:\ndialout:x:18:\nfloppy:x:19:\nvideo:x:28:\naudio:x:29:\ntape:x:32:\nwww-data:x:33:\noperator:x:37:\nutmp:x:43:\nplugdev:x:46:\nstaff:x:50:\nlock:x:54:\nnetdev:x:82:\nusers:x:100:\nnobody:x:65534:\n'
const ALPINE_PASSWD = 'root:x:0:0:root:/root:/bin/sh\nbin:x:1:1:bin:/bin:/sbin/nologin\ndaemon:x:2:2:daemon:/sbin:/sbin/nologin\nlp:x:4:7:lp:/var/spool/lpd:/sbin/nologin\nsync:x:5:0:sync:/sbin:/bin/sync\nmail:x:8:12:mail:/var/mail:/sbin/nologin\nguest:x:405:100:guest:/dev/null:/sbin/nologin\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n'
const ALPINE_GROUP = 'root:x:0:root\nbin:x:1:root,bin,daemon\ndaemon:x:2:root,bin,daemon\nsys:x:3:root,bin\nadm:x:4:root,daemon\ntty:x:5:\ndisk:x:6:root\nlp:x:7:lp\nkmem:x:9:\nwheel:x:10:root\nmail:x:12:mail\nwww-data:x:82:\nusers:x:100:games\nnogroup:x:65533:\nnobody:x:65534:\n'

function accountFiles(base: BaseSystem): { passwd: string, group: string } {
  if (base === 'busybox')
    return { passwd: BUSYBOX_PASSWD, group: BUSYBOX_GROUP }
  if (base === 'alpine')
    return { passwd: ALPINE_PASSWD, group: ALPINE_GROUP }
  if (base === 'ubuntu')
    return { passwd: `${DEBIAN_PASSWD}ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash\n`, group: `${DEBIAN_GROUP}ubuntu:x:1000:\n` }
  if (base === 'debian')
    return { passwd: DEBIAN_PASSWD, group: DEBIAN_GROUP }
  return { passwd: 'root:x:0:0:root:/root:/bin/sh\n', group: 'root:x:0:\n' }
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
    const accounts = accountFiles(image.base)
    spec['/etc/group'] = accounts.group
    spec['/tmp/'] = null
    if (image.base === 'debian' || image.base === 'ubuntu')
      spec['/lib64/'] = null
    if (OS_RELEASE[image.base])
      spec['/etc/os-release'] = OS_RELEASE[image.base]
    spec['/etc/passwd'] = accounts.passwd
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
