// The shell as beginners write it: command substitution, loops and conditions around docker
// commands, and placeholders copied from documentation.
import type { CommandExplanation } from '../../../lib/docker/types'
import { describe, expect, it } from 'vitest'
import { explain } from '../../../lib/docker/index'

function partOf(e: CommandExplanation, text: string) {
  const part = e.segments.find(s => s.text === text)
  expect(part, `part ${text} of ${e.input}`).toBeDefined()
  return part!
}

describe('command substitution: the inner command is explained', () => {
  it.each([
    ['docker rm $(docker ps -aq)', '$(docker ps -aq)', 'IDs of all containers, stopped ones included'],
    ['docker rm `docker ps -aq`', '`docker ps -aq`', 'IDs of all containers, stopped ones included'],
    ['docker rm -f $(docker ps --all --quiet)', '$(docker ps --all --quiet)', 'IDs of all containers, stopped ones included'],
    ['docker stop $(docker container ls -q)', '$(docker container ls -q)', 'IDs of the running containers'],
    ['docker rmi $(docker images -q)', '$(docker images -q)', 'IDs of the images'],
    ['docker volume rm $(docker volume ls -q)', '$(docker volume ls -q)', 'names of the volumes'],
  ])('%s', (text, word, output) => {
    const [e] = explain(text)
    expect(e!.ok).toBe(true)
    expect(partOf(e!, word).explanation).toContain(output)
    expect(e!.summary).toContain(output)
  })

  it('an inner command it cannot describe is still named', () => {
    const [e] = explain('docker stop $(cat ids.txt)')
    expect(partOf(e!, '$(cat ids.txt)').explanation).toContain('What `cat ids.txt` prints')
  })
})

describe('loops and conditions: the docker commands inside are explained', () => {
  it.each([
    'for c in a b; do docker rm $c; done',
    'for c in a b\ndo\n  docker rm $c\ndone',
    'for c in a b; do docker rm "$c"; done',
  ])('%s', (text) => {
    const all = explain(text)
    const header = all[0]!
    expect(header.isDocker).toBe(false)
    expect(header.summary).toMatch(/^A loop: .*once for each of `a`, `b`, with `\$c`/)
    expect(header.segments.map(s => s.kind)).toEqual(['shell', 'shell', 'shell', 'shell', 'shell'])
    const body = all.find(e => e.isDocker)!
    expect(body.command).toEqual(['container', 'rm'])
    expect(all.flatMap(e => e.segments).find(s => s.text === 'do')).toMatchObject({ kind: 'shell' })
    expect(body.summary).not.toMatch(/runs do/)
    expect(all.at(-1)!.summary).toBe('Ends the loop.')
  })

  it('a loop over what a command prints', () => {
    expect(explain('for id in $(docker ps -q); do docker stop $id; done')[0]!.summary).toContain('IDs of the running containers')
  })

  it.each([
    ['if docker inspect web; then docker start web; else docker run -d --name web nginx:1.27; fi', ['inspect'], ['container', 'start'], ['container', 'run']],
    ['while docker ps -q; do docker ps; done', ['container', 'ls'], ['container', 'ls']],
    ['until docker exec db pg_isready; do sleep 1; done', ['container', 'exec']],
  ])('%s', (text, ...commands) => {
    const all = explain(text).filter(e => e.isDocker)
    expect(all.map(e => e.command)).toEqual(commands)
    for (const e of all) expect(e.ok, e.input).toBe(true)
  })

  it('a keyword that is quoted or an argument is just a word', () => {
    expect(explain('echo do')[0]!.segments.map(s => s.kind)).toEqual(['program', 'argument'])
    expect(explain('docker run --rm alpine echo done')[0]!.command).toEqual(['container', 'run'])
    expect(explain('"do" docker ps')[0]!.isDocker).toBe(false)
  })
})

describe('placeholders from documentation', () => {
  it.each([
    ['docker run -v <path/to/data>:/data nginx:1.27', '<path/to/data>', 'bind'],
    ['docker run --volume=<path/to/data>:/data nginx:1.27', '<path/to/data>', 'bind'],
    ['docker run -v <volume>:/data nginx:1.27', '<volume>', 'volume'],
  ])('%s: a placeholder, not a redirection', (text, placeholder, type) => {
    const [e] = explain(text)
    expect(e!.ok).toBe(true)
    expect(e!.warnings.filter(w => w.code === 'PLACEHOLDER').map(w => e!.input.slice(w.start, w.end))).toEqual([placeholder])
    expect(e!.warnings.map(w => w.code)).not.toContain('NAMED_VOLUME')
    expect(e!.config!.mounts[0]).toMatchObject({ type, target: '/data' })
    expect(e!.image).toMatchObject({ repository: 'nginx', tag: '1.27' })
  })

  it.each([
    ['docker run -e TZ=<timezone> nginx:1.27', '<timezone>'],
    ['docker logs <container name>', '<container name>'],
    ['docker login -u YOUR_USER -p YOUR_TOKEN', 'YOUR_USER'],
    ['docker login --password=YOUR_TOKEN', 'YOUR_TOKEN'],
    ['docker rm web db ...', '...'],
    ['docker run -p <host-port>:80 <image>', '<host-port>'],
  ])('%s: "replace this with …"', (text, placeholder) => {
    const [e] = explain(text)
    const found = e!.warnings.filter(w => w.code === 'PLACEHOLDER')
    expect(found.map(w => e!.input.slice(w.start, w.end))).toContain(placeholder)
    expect(e!.errors).toEqual([])
    const part = e!.segments.find(s => s.start <= found[0]!.start && found[0]!.end <= s.end)!
    expect(part.explanation).toContain('placeholder')
  })

  it('a real redirection and a variable stay what they are', () => {
    expect(explain('docker load < image.tar')[0]!.warnings.map(w => w.code)).not.toContain('PLACEHOLDER')
    expect(explain('docker login -p $YOUR_TOKEN')[0]!.warnings.map(w => w.code)).toEqual(['SHELL_EXPANSION'])
  })
})
