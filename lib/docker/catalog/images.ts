// The official images the deck uses and the common ones beyond it, as data.
//
// Sources: each image's Dockerfile at the commit read (docker-library/python, postgres, redis, httpd,
// mysql, mongo; nginx/docker-nginx; nodejs/docker-node; ollama/ollama), fetched 2026-12. Config values
// (CMD, ENTRYPOINT, ENV, EXPOSE, VOLUME, WORKDIR, STOPSIGNAL) are copied from those files. Sizes, dates,
// and the split of the size over layers are ESTIMATES (Docker Hub's pages are not reachable from here):
// every entry says `sizeSource: 'estimate'`. History texts keep the start of each instruction (what
// `docker history` shows truncated) and shorten the rest.

import type { CatalogImage, HistoryStep, ImageConfig } from './types'

/** Docker prints sizes in SI units (go-units HumanSize: 1 MB = 1000 kB). */
const MB = 1000 * 1000
const kB = 1000

const NO_CONFIG: ImageConfig = {
  cmd: null,
  entrypoint: null,
  env: [['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']],
  exposedPorts: [],
  volumes: [],
  workingDir: '',
  user: '',
  stopSignal: null,
}

function config(overrides: Partial<ImageConfig>): ImageConfig {
  return { ...NO_CONFIG, ...overrides }
}

/** A metadata step: no layer. */
function meta(createdBy: string): HistoryStep {
  return { createdBy, size: 0 }
}

function layer(createdBy: string, megabytes: number): HistoryStep {
  return { createdBy, size: Math.round(megabytes * MB) }
}

// ---------------------------------------------------------------------------
// Programs on the PATH, by base system
// ---------------------------------------------------------------------------

/** debian:trixie-slim: coreutils, bash, dash as sh, grep, sed, findutils, tar, gzip, hostname, mount. No ps (procps), no ping, no curl. */
const DEBIAN_SLIM_PROGRAMS = [
  'bash',
  'sh',
  'dash',
  'ls',
  'cat',
  'echo',
  'printf',
  'cp',
  'mv',
  'rm',
  'mkdir',
  'rmdir',
  'touch',
  'ln',
  'chmod',
  'chown',
  'env',
  'pwd',
  'sleep',
  'date',
  'true',
  'false',
  'test',
  '[',
  'head',
  'tail',
  'wc',
  'sort',
  'uniq',
  'cut',
  'tr',
  'tee',
  'grep',
  'sed',
  'find',
  'xargs',
  'tar',
  'gzip',
  'gunzip',
  'uname',
  'hostname',
  'id',
  'whoami',
  'du',
  'df',
  'mount',
  'basename',
  'dirname',
  'readlink',
  'realpath',
  'stat',
  'seq',
  'yes',
  'md5sum',
  'sha256sum',
  'nproc',
  'which',
  'apt',
  'apt-get',
  'dpkg',
  'su',
  'login',
] as const

/** buildpack-deps adds curl, wget, gnupg (curl), git, ssh, procps (scm) and compilers (full). Still no ping. */
const BUILDPACK_DEPS_PROGRAMS = [
  ...DEBIAN_SLIM_PROGRAMS,
  'curl',
  'wget',
  'gpg',
  'git',
  'ssh',
  'scp',
  'ps',
  'top',
  'kill',
  'free',
  'pkill',
  'pgrep',
  'make',
  'gcc',
  'g++',
  'perl',
] as const

const PYTHON_PROGRAMS = ['python', 'python3', 'pip', 'pip3', 'pydoc', 'pydoc3', 'idle', 'idle3'] as const

/** BusyBox applets a beginner reaches for (alpine and busybox images link them all; alpine's sh is BusyBox ash). */
const BUSYBOX_PROGRAMS = [
  'sh',
  'ash',
  'ls',
  'cat',
  'echo',
  'printf',
  'cp',
  'mv',
  'rm',
  'mkdir',
  'rmdir',
  'touch',
  'ln',
  'chmod',
  'chown',
  'env',
  'pwd',
  'sleep',
  'date',
  'true',
  'false',
  'test',
  '[',
  'head',
  'tail',
  'wc',
  'sort',
  'uniq',
  'cut',
  'tr',
  'tee',
  'grep',
  'sed',
  'find',
  'xargs',
  'tar',
  'gzip',
  'gunzip',
  'uname',
  'hostname',
  'id',
  'whoami',
  'du',
  'df',
  'mount',
  'basename',
  'dirname',
  'readlink',
  'realpath',
  'stat',
  'seq',
  'yes',
  'md5sum',
  'sha256sum',
  'nproc',
  'which',
  'ps',
  'top',
  'kill',
  'free',
  'ping',
  'wget',
  'nc',
  'vi',
  'less',
  'more',
  'awk',
  'ip',
  'ifconfig',
  'nslookup',
  'busybox',
  'su',
  'login',
] as const

const ALPINE_PROGRAMS = [...BUSYBOX_PROGRAMS, 'apk'] as const

const UBUNTU_PROGRAMS = [...DEBIAN_SLIM_PROGRAMS, 'ps', 'top', 'kill', 'free', 'pkill', 'pgrep'] as const

// ---------------------------------------------------------------------------
// Base layers (shared by the images built on them)
// ---------------------------------------------------------------------------

function debianRoot(release: string, megabytes: number): HistoryStep[] {
  return [layer(`# debian.sh --arch 'amd64' out/ '${release}' '@1765152000'`, megabytes)]
}

const DEBIAN_TRIXIE_SLIM = debianRoot('trixie', 78.6)
const BUILDPACK_DEPS_TRIXIE: HistoryStep[] = [
  ...debianRoot('trixie', 120.1),
  layer('RUN /bin/sh -c set -eux;  apt-get update;  apt-get install -y --no-install-recommends   ca-certificates   curl   gnupg   netbase   sq   wget  ; … # buildkit', 25.4),
  layer('RUN /bin/sh -c set -eux;  apt-get update;  apt-get install -y --no-install-recommends   git   mercurial   openssh-client   subversion   procps  ; … # buildkit', 70.2),
  layer('RUN /bin/sh -c set -ex;  apt-get update;  apt-get install -y --no-install-recommends   autoconf   automake … # buildkit', 601.9),
]

function pythonSteps(version: string, gpgKey: string | null, sha256: string, slim: boolean, buildMegabytes: number): HistoryStep[] {
  return [
    ...(slim ? DEBIAN_TRIXIE_SLIM : BUILDPACK_DEPS_TRIXIE),
    meta('ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'),
    ...(Number(version.split('.')[1]) < 13 ? [meta('ENV LANG=C.UTF-8')] : []),
    slim
      ? layer('RUN /bin/sh -c set -eux;  apt-get update;  apt-get install -y --no-install-recommends   ca-certificates   netbase   tzdata  ; … # buildkit', 3.9)
      : layer('RUN /bin/sh -c set -eux;  apt-get update;  apt-get install -y --no-install-recommends   libbluetooth-dev   tk-dev   uuid-dev  ; … # buildkit', 21.3),
    ...(gpgKey ? [meta(`ENV GPG_KEY=${gpgKey}`)] : []),
    meta(`ENV PYTHON_VERSION=${version}`),
    meta(`ENV PYTHON_SHA256=${sha256}`),
    layer('RUN /bin/sh -c set -eux;   wget -O python.tar.xz "https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz"; … # buildkit', buildMegabytes),
    layer('RUN /bin/sh -c set -eux;  for src in idle3 pip3 pydoc3 python3 python3-config; do   dst="$(echo "$src" | tr -d 3)"; … # buildkit', 0.000036),
    meta('CMD ["python3"]'),
  ]
}

function sum(steps: readonly HistoryStep[]): number {
  return steps.reduce((total, step) => total + step.size, 0)
}

/** 3.13 and later images set no LANG; 3.14 and later no GPG_KEY (their Dockerfiles, 2026-06). */
function pythonEnv(version: string, gpgKey: string | null, sha256: string): ImageConfig['env'] {
  const env: (readonly [string, string])[] = [['PATH', '/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']]
  if (Number(version.split('.')[1]) < 13)
    env.push(['LANG', 'C.UTF-8'])
  if (gpgKey)
    env.push(['GPG_KEY', gpgKey])
  env.push(['PYTHON_VERSION', version], ['PYTHON_SHA256', sha256])
  return env
}

const PY312 = { version: '3.12.13', gpg: '7169605F62C751356D054A26A821E680E5FA6305', sha: 'c08bc65a81971c1dd5783182826503369466c7e67374d1646519adf05207b684' }
const PY314 = { version: '3.14.6', gpg: null, sha: '143b1dddefaec3bd2e21e3b839b34a2b7fb9842272883c576420d605e9f30c63' }
const PY313 = { version: '3.13.14', gpg: '7169605F62C751356D054A26A821E680E5FA6305', sha: '639e43243c620a308f968213df9e00f2f8f62332f7adbaa7a7eeb9783057c690' }
const PY311 = { version: '3.11.15', gpg: 'A035C8C19219BA821ECEA86B64E628F8D684696D', sha: '272179ddd9a2e41a0fc8e42e33dfbdca0b3711aa5abf372d3f2d51543d09b625' }

const PYTHON_SOURCE = 'docker-library/python 3.14, 3.13, 3.12, 3.11 trixie and slim-trixie Dockerfiles (2026-06); python.org end-of-life dates'
const PYTHON_EXPLAINED = '`python3`, the interactive Python prompt (`>>>`): it needs `-it`, or it reads end of input and exits at once'

function pythonImage(tag: string, aliases: string[], py: { version: string, gpg: string | null, sha: string }, slim: boolean, endOfLife: string | null, buildMegabytes: number, contentMegabytes: number): CatalogImage {
  const history = pythonSteps(py.version, py.gpg, py.sha, slim, buildMegabytes)
  return {
    repository: 'python',
    tag,
    aliases,
    version: py.version,
    base: 'debian',
    config: config({ cmd: ['python3'], env: pythonEnv(py.version, py.gpg, py.sha) }),
    history,
    diskBytes: sum(history),
    contentBytes: Math.round(contentMegabytes * MB),
    sizeSource: 'estimate',
    created: '2026-06-23',
    interactive: true,
    programs: [...(slim ? DEBIAN_SLIM_PROGRAMS : BUILDPACK_DEPS_PROGRAMS), ...PYTHON_PROGRAMS],
    endOfLife,
    defaultCommandExplained: PYTHON_EXPLAINED,
    source: PYTHON_SOURCE,
  }
}

/** python:3.5 as Docker Hub last published it (3.5.10 on Debian buster, September 2020); no f-strings (they came in 3.6). */
const PYTHON_35_HISTORY: HistoryStep[] = [
  layer('/bin/sh -c #(nop) ADD file:… in / ', 114.1),
  layer('/bin/sh -c apt-get update && apt-get install -y --no-install-recommends   ca-certificates   curl   netbase   wget  && rm -rf /var/lib/apt/lists/*', 17.5),
  layer('/bin/sh -c apt-get update && apt-get install -y --no-install-recommends   git   mercurial   openssh-client   subversion     procps  && rm -rf /var/lib/apt/lists/*', 55.3),
  layer('/bin/sh -c set -ex;  apt-get update;  apt-get install -y --no-install-recommends   autoconf   automake … ', 510.1),
  meta('/bin/sh -c #(nop)  ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'),
  meta('/bin/sh -c #(nop)  ENV LANG=C.UTF-8'),
  layer('/bin/sh -c apt-get update && apt-get install -y --no-install-recommends   libbluetooth-dev   tk-dev   uuid-dev  && rm -rf /var/lib/apt/lists/*', 23.0),
  meta('/bin/sh -c #(nop)  ENV GPG_KEY=97FC712E4C024BBEA48A61ED3A5CA953F73C700D'),
  meta('/bin/sh -c #(nop)  ENV PYTHON_VERSION=3.5.10'),
  layer('/bin/sh -c set -ex   && wget -O python.tar.xz "https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz" …', 87.4),
  layer('/bin/sh -c cd /usr/local/bin  && ln -s idle3 idle  && ln -s pydoc3 pydoc  && ln -s python3 python  && ln -s python3-config python-config', 0.000032),
  meta('/bin/sh -c #(nop)  ENV PYTHON_PIP_VERSION=20.2.3'),
  layer('/bin/sh -c set -ex;   wget -O get-pip.py "$PYTHON_GET_PIP_URL"; … ', 6.3),
  meta('/bin/sh -c #(nop)  CMD ["python3"]'),
]

// ---------------------------------------------------------------------------
// The catalog
// ---------------------------------------------------------------------------

export const CATALOG: readonly CatalogImage[] = [
  pythonImage('3.14', ['3.14.6', '3.14-trixie', 'latest', '3', 'trixie'], PY314, false, '2030-10-31', 82.1, 395),
  pythonImage('3.14-slim', ['3.14.6-slim', '3.14-slim-trixie', 'slim', '3-slim'], PY314, true, '2030-10-31', 43.9, 42.6),
  pythonImage('3.13', ['3.13.14', '3.13-trixie'], PY313, false, '2029-10-31', 80.9, 393),
  pythonImage('3.13-slim', ['3.13.14-slim', '3.13-slim-trixie'], PY313, true, '2029-10-31', 42.7, 42.1),
  pythonImage('3.12', ['3.12.13', '3.12-trixie', '3.12.13-trixie'], PY312, false, '2028-10-31', 79.6, 392),
  pythonImage('3.12-slim', ['3.12.13-slim', '3.12-slim-trixie'], PY312, true, '2028-10-31', 41.8, 41.7),
  pythonImage('3.11', ['3.11.15', '3.11-trixie'], PY311, false, '2027-10-31', 76.2, 389),
  pythonImage('3.11-slim', ['3.11.15-slim', '3.11-slim-trixie'], PY311, true, '2027-10-31', 39.1, 40.9),
  {
    repository: 'python',
    tag: '3.5',
    aliases: ['3.5.10', '3.5-buster', '3.5.10-buster'],
    version: '3.5.10',
    base: 'debian',
    config: config({
      cmd: ['python3'],
      env: [
        ['PATH', '/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
        ['LANG', 'C.UTF-8'],
        ['GPG_KEY', '97FC712E4C024BBEA48A61ED3A5CA953F73C700D'],
        ['PYTHON_VERSION', '3.5.10'],
        ['PYTHON_PIP_VERSION', '20.2.3'],
      ],
    }),
    history: PYTHON_35_HISTORY,
    diskBytes: sum(PYTHON_35_HISTORY),
    contentBytes: Math.round(330 * MB),
    sizeSource: 'estimate',
    created: '2020-09-26',
    interactive: true,
    programs: [...BUILDPACK_DEPS_PROGRAMS, ...PYTHON_PROGRAMS],
    endOfLife: '2020-09-30',
    defaultCommandExplained: `${PYTHON_EXPLAINED}. Python 3.5 is end of life (September 2020) and has no f-strings`,
    source: 'docker-library/python history (3.5 removed in 2020, last tag 3.5.10-buster); PEP 478 (3.5 end of life 2020-09-30); legacy-builder history format',
  },
  postgres(),
  redis('7-alpine', ['7.4-alpine', '7.4.6-alpine', '7-alpine3.22'], '7.4.6', 41.4, 17.1),
  redis('8-alpine', ['8.2-alpine', '8.2.3-alpine', 'alpine'], '8.2.3', 61.3, 25.2),
  nginx(),
  httpd(),
  ollama(),
  simpleBase('ubuntu', 'latest', ['24.04', 'noble'], '24.04', 'ubuntu', ['/bin/bash'], 78.1, 29.7, [...UBUNTU_PROGRAMS], '`/bin/bash`, a shell: it needs `-it`, or it reads end of input and exits at once', [layer('/bin/sh -c #(nop) ADD file:… in / ', 78.1), meta('/bin/sh -c #(nop)  CMD ["/bin/bash"]')], 'ubuntu Docker Hub history (ADD rootfs, CMD ["/bin/bash"])'),
  simpleBase('debian', 'latest', ['trixie', '13'], '13', 'debian', ['bash'], 120.1, 49.3, [...DEBIAN_SLIM_PROGRAMS], '`bash`, a shell: it needs `-it`, or it reads end of input and exits at once', [...debianRoot('trixie', 120.1), meta('CMD ["bash"]')], 'debuerreotype debian images (rootfs, CMD ["bash"])'),
  simpleBase('alpine', 'latest', ['3.22', '3'], '3.22', 'alpine', ['/bin/sh'], 8.31, 3.8, [...ALPINE_PROGRAMS], '`/bin/sh`, BusyBox\'s shell: it needs `-it`, or it reads end of input and exits at once', [layer('ADD alpine-minirootfs-3.22.2-x86_64.tar.gz / # buildkit', 8.31), meta('CMD ["/bin/sh"]')], 'alpinelinux/docker-alpine Dockerfile (ADD minirootfs, CMD ["/bin/sh"])'),
  simpleBase('busybox', 'latest', ['1.37', '1.37.0', 'glibc'], '1.37.0', 'busybox', ['sh'], 4.43, 2.2, [...BUSYBOX_PROGRAMS], '`sh`, BusyBox\'s shell: it needs `-it`, or it reads end of input and exits at once', [layer('ADD busybox.tar.xz / # buildkit', 4.43), meta('CMD ["sh"]')], 'docker-library/busybox Dockerfile (ADD busybox.tar.xz, CMD ["sh"])'),
  node(),
  mysql(),
  mongo(),
  helloWorld(),
]

function simpleBase(repository: string, tag: string, aliases: string[], version: string, base: CatalogImage['base'], cmd: string[], diskMegabytes: number, contentMegabytes: number, programs: string[], explained: string, history: HistoryStep[], source: string): CatalogImage {
  return {
    repository,
    tag,
    aliases,
    version,
    base,
    config: config({ cmd }),
    history,
    diskBytes: Math.round(diskMegabytes * MB),
    contentBytes: Math.round(contentMegabytes * MB),
    sizeSource: 'estimate',
    created: '2026-10-14',
    interactive: true,
    programs,
    endOfLife: null,
    defaultCommandExplained: explained,
    source,
  }
}

function postgres(): CatalogImage {
  const history: HistoryStep[] = [
    ...DEBIAN_TRIXIE_SLIM,
    layer('RUN /bin/sh -c set -eux;  groupadd -r postgres --gid=999;  useradd -r -g postgres --uid=999 --home-dir=/var/lib/postgresql --shell=/bin/bash postgres; … # buildkit', 0.0039),
    layer('RUN /bin/sh -c set -eux;  apt-get update;  apt-get install -y --no-install-recommends   gnupg   less  ; … # buildkit', 9.2),
    meta('ENV GOSU_VERSION=1.19'),
    layer('RUN /bin/sh -c set -eux;  savedAptMark="$(apt-mark showmanual)";  apt-get update;  apt-get install -y --no-install-recommends ca-certificates wget; … # buildkit', 4.5),
    layer('RUN /bin/sh -c set -eux;  if [ -f /etc/dpkg/dpkg.cfg.d/docker ]; then   grep -q \'/usr/share/locale\' /etc/dpkg/dpkg.cfg.d/docker; … # buildkit', 24.6),
    meta('ENV LANG=en_US.utf8'),
    meta('ENV PG_MAJOR=18'),
    meta('ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/18/bin'),
    meta('ENV PG_VERSION=18.3-1.pgdg13+1'),
    layer('RUN /bin/sh -c set -ex;   export PYTHONDONTWRITEBYTECODE=1;   dpkgArch="$(dpkg --print-architecture)"; … # buildkit', 340.8),
    meta('ENV PGDATA=/var/lib/postgresql/18/docker'),
    layer('RUN /bin/sh -c ln -sT docker /var/lib/postgresql && mkdir -p "$PGDATA" && chown -R postgres:postgres "$PGDATA" && chmod 1777 "$PGDATA" # buildkit', 0),
    meta('VOLUME [/var/lib/postgresql]'),
    layer('COPY docker-entrypoint.sh docker-ensure-initdb.sh /usr/local/bin/ # buildkit', 0.0245),
    meta('ENTRYPOINT ["docker-entrypoint.sh"]'),
    meta('STOPSIGNAL SIGINT'),
    meta('EXPOSE map[5432/tcp:{}]'),
    meta('CMD ["postgres"]'),
  ]
  return {
    repository: 'postgres',
    tag: '18',
    aliases: ['latest', '18.3', '18-trixie', '18.3-trixie'],
    version: '18.3',
    base: 'debian',
    config: config({
      cmd: ['postgres'],
      entrypoint: ['docker-entrypoint.sh'],
      env: [
        ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/18/bin'],
        ['GOSU_VERSION', '1.19'],
        ['LANG', 'en_US.utf8'],
        ['PG_MAJOR', '18'],
        ['PG_VERSION', '18.3-1.pgdg13+1'],
        ['PGDATA', '/var/lib/postgresql/18/docker'],
      ],
      exposedPorts: ['5432/tcp'],
      volumes: ['/var/lib/postgresql'],
      stopSignal: 'SIGINT',
    }),
    history,
    diskBytes: sum(history),
    contentBytes: Math.round(160 * MB),
    sizeSource: 'estimate',
    created: '2026-11-13',
    interactive: false,
    programs: [...DEBIAN_SLIM_PROGRAMS, 'postgres', 'psql', 'pg_dump', 'initdb', 'gosu', 'less', 'docker-entrypoint.sh'],
    endOfLife: null,
    defaultCommandExplained: 'the PostgreSQL server (`docker-entrypoint.sh postgres`); it refuses to start without `POSTGRES_PASSWORD` (or `POSTGRES_HOST_AUTH_METHOD=trust`)',
    source: 'docker-library/postgres 18/trixie Dockerfile; docker-library/docs postgres (PGDATA and VOLUME changed in 18, PR #2582)',
  }
}

function redis(tag: string, aliases: string[], version: string, diskMegabytes: number, contentMegabytes: number): CatalogImage {
  const history: HistoryStep[] = [
    layer('ADD alpine-minirootfs-3.22.2-x86_64.tar.gz / # buildkit', 8.31),
    meta('CMD ["/bin/sh"]'),
    layer('RUN /bin/sh -c set -eux;  addgroup -S -g 1000 redis;  adduser -S -G redis -u 999 redis # buildkit', 0.0047),
    layer('RUN /bin/sh -c apk add --no-cache   \'su-exec>=0.2\'   tzdata # buildkit', 1.3),
    meta(`ENV REDIS_VERSION=${version}`),
    layer('RUN /bin/sh -c set -eux;   apk add --no-cache --virtual .build-deps   coreutils   dpkg-dev dpkg   gcc … # buildkit', diskMegabytes - 9.6),
    layer('RUN /bin/sh -c mkdir /data && chown redis:redis /data # buildkit', 0),
    meta('VOLUME [/data]'),
    meta('WORKDIR /data'),
    layer('COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', 0.0016),
    meta('ENTRYPOINT ["docker-entrypoint.sh"]'),
    meta('EXPOSE map[6379/tcp:{}]'),
    meta('CMD ["redis-server"]'),
  ]
  return {
    repository: 'redis',
    tag,
    aliases,
    version,
    base: 'alpine',
    config: config({
      cmd: ['redis-server'],
      entrypoint: ['docker-entrypoint.sh'],
      env: [['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], ['REDIS_VERSION', version]],
      exposedPorts: ['6379/tcp'],
      volumes: ['/data'],
      workingDir: '/data',
    }),
    history,
    diskBytes: sum(history),
    contentBytes: Math.round(contentMegabytes * MB),
    sizeSource: 'estimate',
    created: '2026-10-06',
    interactive: false,
    programs: [...ALPINE_PROGRAMS, 'redis-server', 'redis-cli', 'su-exec', 'docker-entrypoint.sh'],
    endOfLife: null,
    defaultCommandExplained: 'the Redis server (`docker-entrypoint.sh redis-server`), listening on port 6379 inside the container',
    source: 'docker-library/redis 7.2/alpine Dockerfile (the layout 7 and 8 share; versions and sizes estimated)',
  }
}

function nginx(): CatalogImage {
  const history: HistoryStep[] = [
    ...DEBIAN_TRIXIE_SLIM,
    meta('LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>'),
    meta('ENV NGINX_VERSION=1.29.8'),
    meta('ENV NJS_VERSION=0.9.6'),
    meta('ENV NJS_RELEASE=1~trixie'),
    meta('ENV ACME_VERSION=0.3.1'),
    meta('ENV PKG_RELEASE=1~trixie'),
    meta('ENV DYNPKG_RELEASE=1~trixie'),
    layer('RUN /bin/sh -c set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home … # buildkit', 113.5),
    layer('COPY docker-entrypoint.sh / # buildkit', 0.0016),
    layer('COPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d # buildkit', 0.0021),
    layer('COPY 15-local-resolvers.envsh /docker-entrypoint.d # buildkit', 0.0004),
    layer('COPY 20-envsubst-on-templates.sh /docker-entrypoint.d # buildkit', 0.0035),
    layer('COPY 30-tune-worker-processes.sh /docker-entrypoint.d # buildkit', 0.0049),
    meta('ENTRYPOINT ["/docker-entrypoint.sh"]'),
    meta('EXPOSE map[80/tcp:{}]'),
    meta('STOPSIGNAL SIGQUIT'),
    meta('CMD ["nginx" "-g" "daemon off;"]'),
  ]
  return {
    repository: 'nginx',
    tag: 'latest',
    aliases: ['1.29', '1.29.8', 'mainline', 'trixie'],
    version: '1.29.8',
    base: 'debian',
    config: config({
      cmd: ['nginx', '-g', 'daemon off;'],
      entrypoint: ['/docker-entrypoint.sh'],
      env: [
        ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
        ['NGINX_VERSION', '1.29.8'],
        ['NJS_VERSION', '0.9.6'],
        ['NJS_RELEASE', '1~trixie'],
        ['ACME_VERSION', '0.3.1'],
        ['PKG_RELEASE', '1~trixie'],
        ['DYNPKG_RELEASE', '1~trixie'],
      ],
      exposedPorts: ['80/tcp'],
      stopSignal: 'SIGQUIT',
    }),
    history,
    diskBytes: sum(history),
    contentBytes: Math.round(59.8 * MB),
    sizeSource: 'estimate',
    created: '2026-10-07',
    interactive: false,
    programs: [...DEBIAN_SLIM_PROGRAMS, 'nginx', 'curl', 'envsubst', '/docker-entrypoint.sh'],
    endOfLife: null,
    defaultCommandExplained: 'the nginx web server in the foreground (`nginx -g "daemon off;"`), serving /usr/share/nginx/html on port 80',
    source: 'nginx/docker-nginx mainline/debian Dockerfile',
  }
}

function httpd(): CatalogImage {
  const history: HistoryStep[] = [
    ...DEBIAN_TRIXIE_SLIM,
    meta('ENV HTTPD_PREFIX=/usr/local/apache2'),
    meta('ENV PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'),
    layer('RUN /bin/sh -c mkdir -p "$HTTPD_PREFIX"  && chown www-data:www-data "$HTTPD_PREFIX" # buildkit', 0),
    meta('WORKDIR /usr/local/apache2'),
    layer('RUN /bin/sh -c set -eux;  apt-get update;  apt-get install -y --no-install-recommends   ca-certificates   libaprutil1-ldap   libldap-common  ; … # buildkit', 5.6),
    meta('ENV HTTPD_VERSION=2.4.68'),
    meta('ENV HTTPD_SHA256=68c74d4df38c26bed4dfbdb8f3baf1eb532f3872357becc1bba5d136f6b63c06'),
    meta('ENV HTTPD_PATCHES='),
    layer('RUN /bin/sh -c set -eux;   savedAptMark="$(apt-mark showmanual)";  apt-get update;  apt-get install -y --no-install-recommends   bzip2 … # buildkit', 33.9),
    meta('STOPSIGNAL SIGWINCH'),
    layer('COPY httpd-foreground /usr/local/bin/ # buildkit', 0.000138),
    meta('EXPOSE map[80/tcp:{}]'),
    meta('CMD ["httpd-foreground"]'),
  ]
  return {
    repository: 'httpd',
    tag: 'latest',
    aliases: ['2.4', '2.4.68', '2', 'trixie'],
    version: '2.4.68',
    base: 'debian',
    config: config({
      cmd: ['httpd-foreground'],
      env: [
        ['PATH', '/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
        ['HTTPD_PREFIX', '/usr/local/apache2'],
        ['HTTPD_VERSION', '2.4.68'],
        ['HTTPD_SHA256', '68c74d4df38c26bed4dfbdb8f3baf1eb532f3872357becc1bba5d136f6b63c06'],
        ['HTTPD_PATCHES', ''],
      ],
      exposedPorts: ['80/tcp'],
      workingDir: '/usr/local/apache2',
      stopSignal: 'SIGWINCH',
    }),
    history,
    diskBytes: sum(history),
    contentBytes: Math.round(44.6 * MB),
    sizeSource: 'estimate',
    created: '2026-10-02',
    interactive: false,
    programs: [...DEBIAN_SLIM_PROGRAMS, 'httpd', 'httpd-foreground', 'apachectl'],
    endOfLife: null,
    defaultCommandExplained: 'the Apache web server in the foreground (`httpd-foreground`), serving /usr/local/apache2/htdocs on port 80',
    source: 'docker-library/httpd 2.4/Dockerfile',
  }
}

function ollama(): CatalogImage {
  const history: HistoryStep[] = [
    layer('/bin/sh -c #(nop) ADD file:… in / ', 77.9),
    layer('RUN /bin/sh -c apt-get update     && apt-get install -y ca-certificates     && apt-get clean … # buildkit', 20.3),
    layer('COPY /bin /usr/bin # buildkit', 35.6),
    layer('COPY /lib/ollama /usr/lib/ollama # buildkit', 3270.0),
    meta('EXPOSE map[11434/tcp:{}]'),
    meta('ENV OLLAMA_HOST=0.0.0.0:11434'),
    meta('ENV NVIDIA_DRIVER_CAPABILITIES=compute,utility'),
    meta('ENV NVIDIA_VISIBLE_DEVICES=all'),
    meta('ENTRYPOINT ["/bin/ollama"]'),
    meta('CMD ["serve"]'),
  ]
  return {
    repository: 'ollama/ollama',
    tag: 'latest',
    aliases: [],
    version: 'estimate: 0.12',
    base: 'ubuntu',
    config: config({
      cmd: ['serve'],
      entrypoint: ['/bin/ollama'],
      env: [
        ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
        ['OLLAMA_HOST', '0.0.0.0:11434'],
        ['LD_LIBRARY_PATH', '/usr/local/nvidia/lib:/usr/local/nvidia/lib64'],
        ['NVIDIA_DRIVER_CAPABILITIES', 'compute,utility'],
        ['NVIDIA_VISIBLE_DEVICES', 'all'],
      ],
      exposedPorts: ['11434/tcp'],
    }),
    history,
    diskBytes: sum(history),
    contentBytes: Math.round(1560 * MB),
    sizeSource: 'estimate',
    created: '2026-11-20',
    interactive: false,
    // COPY /bin /usr/bin puts ollama in /usr/bin; Ubuntu's merged /usr makes it /bin/ollama as well (the ENTRYPOINT's path).
    programs: [...UBUNTU_PROGRAMS, 'ollama', '/bin/ollama'],
    endOfLife: null,
    defaultCommandExplained: 'the Ollama server (`/bin/ollama serve`), answering on port 11434; models are downloaded into /root/.ollama',
    source: 'ollama/ollama Dockerfile (runtime stage: ENTRYPOINT ["/bin/ollama"], CMD ["serve"], EXPOSE 11434, ENV OLLAMA_HOST); layers and sizes estimated',
  }
}

function node(): CatalogImage {
  const history: HistoryStep[] = [
    ...BUILDPACK_DEPS_TRIXIE,
    layer('RUN /bin/sh -c groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash --create-home node # buildkit', 0.0089),
    meta('ENV NODE_VERSION=24.19.0'),
    layer('RUN /bin/sh -c ARCH= && dpkgArch="$(dpkg --print-architecture)"   && case "${dpkgArch##*-}" in … # buildkit', 197.2),
    meta('ENV YARN_VERSION=1.22.22'),
    layer('RUN /bin/sh -c set -ex   && export GNUPGHOME="$(mktemp -d)" … # buildkit', 5.3),
    layer('COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', 0.000388),
    meta('ENTRYPOINT ["docker-entrypoint.sh"]'),
    meta('CMD ["node"]'),
  ]
  return {
    repository: 'node',
    tag: 'latest',
    aliases: ['24', '24.19', '24.19.0', 'trixie', 'lts'],
    version: '24.19.0',
    base: 'debian',
    config: config({
      cmd: ['node'],
      entrypoint: ['docker-entrypoint.sh'],
      env: [['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], ['NODE_VERSION', '24.19.0'], ['YARN_VERSION', '1.22.22']],
    }),
    history,
    diskBytes: sum(history),
    contentBytes: Math.round(412 * MB),
    sizeSource: 'estimate',
    created: '2026-11-12',
    interactive: true,
    programs: [...BUILDPACK_DEPS_PROGRAMS, 'node', 'npm', 'npx', 'yarn', 'corepack', 'python3'],
    endOfLife: null,
    defaultCommandExplained: '`node`, the interactive JavaScript prompt (`>`): it needs `-it`, or it reads end of input and exits at once',
    source: 'nodejs/docker-node 24/trixie Dockerfile',
  }
}

function mysql(): CatalogImage {
  const history: HistoryStep[] = [
    layer('ADD oraclelinux-9-slim-amd64-rootfs.tar.xz / # buildkit', 118.2),
    meta('CMD ["/bin/bash"]'),
    layer('RUN /bin/sh -c set -eux;  groupadd --system --gid 999 mysql;  useradd --system --uid 999 --gid 999 --home-dir /var/lib/mysql --no-create-home mysql # buildkit', 0.0029),
    meta('ENV GOSU_VERSION=1.19'),
    layer('RUN /bin/sh -c set -eux;  arch="$(uname -m)"; … # buildkit', 4.5),
    layer('RUN /bin/sh -c set -eux;  microdnf install -y   bzip2   gzip   openssl   xz   zstd … # buildkit', 33.6),
    meta('ENV MYSQL_MAJOR=8.4'),
    meta('ENV MYSQL_VERSION=8.4.10-1.el9'),
    layer('RUN /bin/sh -c set -eu;  { echo \'[mysql8.4-server-minimal]\'; … # buildkit', 0.0002),
    layer('RUN /bin/sh -c set -eux;  microdnf install -y "mysql-community-server-minimal-$MYSQL_VERSION"; … # buildkit', 385.0),
    meta('ENV MYSQL_SHELL_VERSION=8.4.10-1.el9'),
    layer('RUN /bin/sh -c set -eu;  microdnf install -y "mysql-shell-$MYSQL_SHELL_VERSION"; … # buildkit', 240.2),
    meta('VOLUME [/var/lib/mysql]'),
    layer('COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', 0.0169),
    meta('ENTRYPOINT ["docker-entrypoint.sh"]'),
    meta('EXPOSE map[3306/tcp:{} 33060/tcp:{}]'),
    meta('CMD ["mysqld"]'),
  ]
  return {
    repository: 'mysql',
    tag: '8.4',
    aliases: ['8.4.10', 'lts', '8'],
    version: '8.4.10',
    base: 'oraclelinux',
    config: config({
      cmd: ['mysqld'],
      entrypoint: ['docker-entrypoint.sh'],
      env: [
        ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
        ['GOSU_VERSION', '1.19'],
        ['MYSQL_MAJOR', '8.4'],
        ['MYSQL_VERSION', '8.4.10-1.el9'],
        ['MYSQL_SHELL_VERSION', '8.4.10-1.el9'],
      ],
      exposedPorts: ['3306/tcp', '33060/tcp'],
      volumes: ['/var/lib/mysql'],
    }),
    history,
    diskBytes: sum(history),
    contentBytes: Math.round(232 * MB),
    sizeSource: 'estimate',
    created: '2026-10-22',
    interactive: false,
    programs: ['bash', 'sh', 'ls', 'cat', 'echo', 'cp', 'mv', 'rm', 'mkdir', 'touch', 'env', 'pwd', 'sleep', 'date', 'mysqld', 'mysql', 'mysqlsh', 'gosu', 'docker-entrypoint.sh'],
    endOfLife: null,
    defaultCommandExplained: 'the MySQL server (`docker-entrypoint.sh mysqld`); it refuses to start without `MYSQL_ROOT_PASSWORD` (or `MYSQL_ALLOW_EMPTY_PASSWORD`/`MYSQL_RANDOM_ROOT_PASSWORD`)',
    source: 'docker-library/mysql 8.4/Dockerfile.oracle',
  }
}

function mongo(): CatalogImage {
  const history: HistoryStep[] = [
    layer('/bin/sh -c #(nop) ADD file:… in / ', 78.1),
    layer('RUN /bin/sh -c set -eux;  groupadd --gid 999 --system mongodb;  useradd --uid 999 --system --gid mongodb --home-dir /data/db mongodb; … # buildkit', 0.0044),
    layer('RUN /bin/sh -c set -eux;  apt-get update;  apt-get install -y --no-install-recommends   ca-certificates   jq   numactl   procps  ; … # buildkit', 3.3),
    meta('ENV GOSU_VERSION=1.19'),
    meta('ENV JSYAML_VERSION=3.13.1'),
    layer('RUN /bin/sh -c set -eux;   savedAptMark="$(apt-mark showmanual)"; … # buildkit', 7.6),
    meta('ENV MONGO_MAJOR=8.2'),
    meta('ENV MONGO_VERSION=8.2.11'),
    layer('RUN /bin/sh -c set -x  && export DEBIAN_FRONTEND=noninteractive  && apt-get update  && apt-get install -y   ${MONGO_PACKAGE}=$MONGO_VERSION … # buildkit', 780.5),
    meta('VOLUME [/data/db /data/configdb]'),
    meta('ENV HOME=/data/db'),
    meta('ENV GLIBC_TUNABLES=glibc.pthread.rseq=0'),
    layer('COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', 0.0147),
    meta('ENTRYPOINT ["docker-entrypoint.sh"]'),
    meta('EXPOSE map[27017/tcp:{}]'),
    meta('CMD ["mongod"]'),
  ]
  return {
    repository: 'mongo',
    tag: 'latest',
    aliases: ['8.2', '8.2.11', '8', 'noble'],
    version: '8.2.11',
    base: 'ubuntu',
    config: config({
      cmd: ['mongod'],
      entrypoint: ['docker-entrypoint.sh'],
      env: [
        ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
        ['GOSU_VERSION', '1.19'],
        ['JSYAML_VERSION', '3.13.1'],
        ['MONGO_MAJOR', '8.2'],
        ['MONGO_VERSION', '8.2.11'],
        ['HOME', '/data/db'],
        ['GLIBC_TUNABLES', 'glibc.pthread.rseq=0'],
      ],
      exposedPorts: ['27017/tcp'],
      volumes: ['/data/db', '/data/configdb'],
    }),
    history,
    diskBytes: sum(history),
    contentBytes: Math.round(290 * MB),
    sizeSource: 'estimate',
    created: '2026-11-03',
    interactive: false,
    programs: [...UBUNTU_PROGRAMS, 'mongod', 'mongosh', 'gosu', 'jq', 'docker-entrypoint.sh'],
    endOfLife: null,
    defaultCommandExplained: 'the MongoDB server (`docker-entrypoint.sh mongod`), listening on port 27017 inside the container',
    source: 'docker-library/mongo 8.2/Dockerfile',
  }
}

function helloWorld(): CatalogImage {
  const history: HistoryStep[] = [
    layer('COPY hello / # buildkit', 0.0101),
    meta('CMD ["/hello"]'),
  ]
  return {
    repository: 'hello-world',
    tag: 'latest',
    aliases: ['linux'],
    version: 'latest',
    base: 'scratch',
    config: config({ cmd: ['/hello'] }),
    history,
    diskBytes: Math.round(10.1 * kB),
    contentBytes: Math.round(2.5 * kB),
    sizeSource: 'estimate',
    created: '2025-08-08',
    interactive: false,
    programs: ['/hello'],
    endOfLife: null,
    defaultCommandExplained: '`/hello`, which prints "Hello from Docker!" and an explanation, then exits',
    source: 'docker-library/hello-world (FROM scratch, COPY hello /, CMD ["/hello"])',
  }
}
