import type { WarningCode } from '../../../lib/docker/types'
import { describe, expect, it } from 'vitest'
import { explain } from '../../../lib/docker/index'
import { WARNING_RULES } from '../../../lib/docker/warnings'

function warningsOf(text: string, code: WarningCode) {
  const [e] = explain(text)
  return e!.warnings.filter(w => w.code === code).map(w => ({ ...w, text: e!.input.slice(w.start, w.end) }))
}

/** For every code: commands with the trap (and the text each warning points at), and clean ones. */
const CASES: Record<WarningCode, { trap: [string, string[]][], clean: string[] }> = {
  FLAG_AFTER_IMAGE: {
    trap: [
      ['docker run nginx -p 80:80', ['-p 80:80']],
      ['docker run nginx --rm -d', ['--rm', '-d']],
      ['docker exec mypython -it bash', ['-it']],
    ],
    clean: ['docker run -p 80:80 nginx', 'docker run ubuntu ls -l', 'docker exec -it mypython bash', 'docker run python:3.12 python -m http.server -p 80'],
  },
  TTY_WITHOUT_INTERACTIVE: {
    trap: [
      ['docker run -t ubuntu bash', ['-t']],
      ['docker exec -t c1 sh', ['-t']],
    ],
    clean: ['docker run -it ubuntu bash', 'docker run -dt ubuntu', 'docker run ubuntu'],
  },
  PUBLISH_WITH_HOST_NETWORK: {
    trap: [
      ['docker run --network host -p 80:80 nginx', ['-p 80:80']],
      ['docker run --net=host --publish=80:80 nginx', ['--publish=80:80']],
      ['docker create -p 80:80 --network name=host nginx', ['-p 80:80']],
    ],
    clean: ['docker run --network mynet -p 80:80 nginx', 'docker run --network host nginx'],
  },
  PORT_ALL_INTERFACES: {
    trap: [
      ['docker run -p 8090:3000 nginx', ['-p 8090:3000']],
      ['docker run -P nginx', ['-P']],
      ['docker run -p 0.0.0.0:8080:80 nginx', ['-p 0.0.0.0:8080:80']],
      ['docker run --publish=0.0.0.0:8080:80 nginx', ['--publish=0.0.0.0:8080:80']],
      ['docker run -p "[::]:8080:80" nginx', ['-p "[::]:8080:80"']],
      ['docker create -p :::8080:80/udp nginx', ['-p :::8080:80/udp']],
    ],
    clean: ['docker run -p 127.0.0.1:8090:3000 nginx', 'docker run -p [::1]:8090:3000 nginx', 'docker run nginx', 'docker run --net host -p 8080:80 nginx'],
  },
  NAMED_VOLUME: {
    trap: [
      ['docker run -v myvolume:/data nginx', ['-v myvolume:/data']],
      ['docker run --volume=myvolume:/data:ro nginx', ['--volume=myvolume:/data:ro']],
    ],
    clean: [
      'docker run -v ./myvolume:/data nginx',
      'docker run -v /home/me/x:/data:ro nginx',
      'docker run -v /data nginx',
      'docker run -v "$PWD":/app nginx',
      'docker run --mount type=volume,source=myvolume,target=/data nginx',
      'docker run --mount type=image,source=alpine,target=/mnt nginx',
    ],
  },
  ENV_FROM_HOST: {
    trap: [['docker run -e HOME nginx', ['-e HOME']]],
    clean: ['docker run -e HOME=/root nginx', 'docker run -e HOME= nginx'],
  },
  SECRET_IN_ENV: {
    trap: [
      ['docker run -e POSTGRES_PASSWORD=mysecretpassword -d postgres', ['-e POSTGRES_PASSWORD=mysecretpassword']],
      ['docker run --env API_TOKEN=abc nginx', ['--env API_TOKEN=abc']],
    ],
    clean: ['docker run -e BLA=5 nginx', 'docker run -e POSTGRES_PASSWORD nginx'],
  },
  DOCKER_SOCKET: {
    trap: [['docker run -v /var/run/docker.sock:/var/run/docker.sock docker:cli', ['-v /var/run/docker.sock:/var/run/docker.sock']]],
    clean: ['docker run -v /var/run/other.sock:/x.sock docker:cli'],
  },
  PRIVILEGED: {
    trap: [['docker run --privileged nginx', ['--privileged']]],
    clean: ['docker run --privileged=false nginx', 'docker run --cap-add NET_ADMIN nginx'],
  },
  IMPLICIT_LATEST: {
    trap: [
      ['docker run --name some-postgres -d postgres', ['postgres']],
      ['docker pull ollama/ollama', ['ollama/ollama']],
    ],
    clean: ['docker run python:3.9', 'docker pull nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000', 'docker rmi nginx'],
  },
  SHELL_EXPANSION: {
    trap: [
      ['docker run -v "$PWD":/app python:3.9', ['$PWD']],
      ['docker rm $(docker ps -aq)', ['$(docker ps -aq)']],
      ['docker run -v ~/data:/data nginx', ['~']],
    ],
    clean: ['docker run -e \'A=$HOME\' nginx', 'docker run -e A=\\$HOME nginx'],
  },
  DAEMON_REFUSES: {
    trap: [
      ['docker run -v relative:x nginx', ['x']],
      ['docker run --restart sometimes nginx', ['sometimes']],
      ['docker run -m 512 nginx', ['512']],
      ['docker run --memory=4m nginx', ['4m']],
      ['docker create --memory-reservation 1000k nginx', ['1000k']],
      ['docker update -m 100 web', ['100']],
    ],
    clean: ['docker run -v myvolume:/x nginx', 'docker run --restart always nginx', 'docker run -m 6m nginx', 'docker run -m 512m nginx', 'docker run -m 0 nginx'],
  },
  DEPRECATED_FLAG: {
    trap: [['docker ps -h', ['-h']]],
    clean: ['docker ps --help'],
  },
  EXITS_AT_ONCE: {
    trap: [
      ['docker run -d --name web python:3.12', ['python:3.12']],
      ['docker run --detach --name=web python:3.12', ['python:3.12']],
      ['docker run python:3.11', ['python:3.11']],
      ['docker create --name box ubuntu', ['ubuntu']],
      ['docker run ubuntu bash', ['bash']],
      ['docker run --rm alpine sh', ['sh']],
      ['docker run --entrypoint python3 python:3.12', ['python:3.12']],
    ],
    clean: [
      'docker run -it --rm python:3.12',
      'docker run -dit --name web python:3.12',
      'docker run -i python:3.12',
      'docker run -dt ubuntu',
      'docker run --rm python:3.12 python -V',
      'docker run -d nginx',
      'docker run -d -e POSTGRES_PASSWORD=x postgres:18',
      'docker run ubuntu bash -c "echo hi"',
      'docker run --rm registry.example.com/python:3.12',
    ],
  },
  PLACEHOLDER: {
    trap: [
      ['docker run -v <path/to/data>:/data nginx:1.27', ['<path/to/data>']],
      ['docker login -p YOUR_TOKEN', ['YOUR_TOKEN']],
      ['pip install <package>', ['<package>']],
    ],
    clean: ['docker load < image.tar', 'docker login -p "$TOKEN"', 'docker run -e YOURS=1 nginx:1.27'],
  },
  SIZE_WITHOUT_UNIT: {
    trap: [
      ['docker run --shm-size 64 nginx', ['64']],
      ['docker run --shm-size=1024 nginx', ['1024']],
      ['docker build --shm-size "512" .', ['512']],
    ],
    clean: ['docker run --shm-size 64m nginx', 'docker run --shm-size 1073741824 nginx', 'docker run -m 512 nginx'],
  },
}

describe('warnings: every rule, both directions', () => {
  it('every code of the table has cases', () => {
    expect(WARNING_RULES.map(r => r.code).sort()).toEqual(Object.keys(CASES).sort())
  })

  for (const [code, { trap, clean }] of Object.entries(CASES) as [WarningCode, (typeof CASES)[WarningCode]][]) {
    describe(code, () => {
      it.each(trap)('%s → warns at %j', (text, at) => {
        const found = warningsOf(text, code)
        expect(found.map(w => w.text)).toEqual(at)
        for (const w of found) expect(w.message.length).toBeGreaterThan(20)
      })
      it.each(clean)('%s → no warning', (text) => {
        expect(warningsOf(text, code)).toEqual([])
      })
    })
  }

  it('a clean everyday command has no warning at all', () => {
    expect(explain('docker run -it --rm -p 127.0.0.1:8080:80 -v ./site:/usr/share/nginx/html:ro nginx:1.27')[0]!.warnings).toEqual([])
  })

  it('memory without a unit is bytes, and the daemon refuses less than 6 MB', () => {
    for (const text of ['docker run -m 512 nginx', 'docker run --memory 512 nginx', 'docker run --memory=512 nginx', 'docker run -m=512 nginx']) {
      const [e] = explain(text)
      expect(e!.ok, text).toBe(true)
      expect(e!.warnings.map(w => w.code), text).toContain('DAEMON_REFUSES')
      expect(e!.config!.memory, text).toBe(512)
      expect(e!.segments.find(s => s.flag === 'memory')!.explanation, text).toContain('512 bytes')
    }
    expect(explain('docker run -m 512m nginx')[0]!.config!.memory).toBe(512 * 1024 ** 2)
  })

  it('rules declare the commands they apply to by trait', () => {
    for (const rule of WARNING_RULES) expect(rule.appliesTo.length, rule.code).toBeGreaterThan(0)
    expect(warningsOf('docker exec web -p 80:80 ls', 'PORT_ALL_INTERFACES')).toEqual([])
    expect(warningsOf('pip install flask $HOME', 'SHELL_EXPANSION')).toHaveLength(1)
    expect(warningsOf('docker pull python', 'IMPLICIT_LATEST')).toHaveLength(1)
    expect(warningsOf('docker image pull python', 'IMPLICIT_LATEST')).toHaveLength(1)
    expect(warningsOf('docker container create python', 'IMPLICIT_LATEST')).toHaveLength(1)
  })

  it('0.0.0.0 and :: are every interface, as no address is', () => {
    for (const value of ['0.0.0.0:8080:80', '[::]:8080:80', ':::8080:80', '8080:80']) {
      const message = warningsOf(`docker run -p ${value} nginx`, 'PORT_ALL_INTERFACES')[0]!.message
      expect(message, value).toContain('127.0.0.1:8080:80')
    }
    expect(warningsOf('docker run -p 80 nginx', 'PORT_ALL_INTERFACES')[0]!.message).toContain('127.0.0.1::80')
  })

  it('the messages name the values involved', () => {
    expect(warningsOf('docker run nginx -p 80:80', 'FLAG_AFTER_IMAGE')[0]!.message).toMatch(/nginx.*nothing is published/)
    expect(warningsOf('docker run -p 8090:3000 nginx', 'PORT_ALL_INTERFACES')[0]!.message).toContain('127.0.0.1:8090:3000')
    expect(warningsOf('docker run -v myvolume:/data nginx', 'NAMED_VOLUME')[0]!.message).toContain('./myvolume')
  })
})
