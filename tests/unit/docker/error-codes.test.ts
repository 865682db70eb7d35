// Every error has a stable code, whatever the spelling of the command; tests assert codes, not words.
import type { ErrorCode } from '../../../lib/docker/types'
import { describe, expect, it } from 'vitest'
import { explain } from '../../../lib/docker/index'

function codesOf(text: string): string[] {
  const [e] = explain(text)
  for (const error of e!.errors) expect(error.severity).toBe('error')
  return e!.errors.map(error => error.code)
}

const CASES: Record<Exclude<ErrorCode, 'INTERNAL_ERROR'>, string[]> = {
  UNKNOWN_COMMAND: ['docker runn nginx', 'docker volume lss', 'docker -D imagez'],
  UNKNOWN_FLAG: ['docker run --it nginx', 'docker ps --nmae x', 'docker run -X nginx', 'docker --hots x ps', 'docker run --publish-al nginx'],
  BAD_FLAG_SYNTAX: ['docker ps ---all', 'docker ps --=x'],
  FLAG_NEEDS_VALUE: ['docker run --name', 'docker ps --filter', 'docker -H'],
  INVALID_VALUE: ['docker run -p 80090:80 nginx', 'docker run --publish=80090:80 nginx', 'docker run -m 1x nginx', 'docker run --network "name=a,foo=b" nginx', 'docker run --network alias=x nginx', 'docker --log-level=loud ps'],
  INVALID_IMAGE_REFERENCE: ['docker run Nginx', 'docker pull "nginx:"', 'docker tag nginx BAD'],
  EMPTY_CONTAINER_NAME: ['docker stop ""', 'docker logs \'\''],
  MISSING_ARGUMENTS: ['docker run', 'docker stop', 'docker cp a', 'docker container run -d'],
  TOO_MANY_ARGUMENTS: ['docker ps web', 'docker pull a b', 'docker images a b'],
  CONFLICTING_FLAGS: ['docker run --rm --restart always nginx', 'docker run -a stdout -d nginx', 'docker -H tcp://x:2375 --context c ps', 'docker create --no-healthcheck --health-cmd true nginx'],
  UNCLOSED_QUOTE: ['docker run "nginx', 'docker run -e \'A=1 nginx', 'docker rm $(docker ps -aq'],
}

describe('error codes', () => {
  for (const [code, commands] of Object.entries(CASES)) {
    it.each(commands)(`${code}: %s`, (text) => {
      expect(codesOf(text)).toContain(code)
    })
  }

  it('accepted commands carry no error', () => {
    for (const text of ['docker top web -eo pid,comm', 'docker top web aux', 'docker run --network \'name=a,"alias=x,y"\' nginx', 'docker run --network a= nginx'])
      expect(codesOf(text), text).toEqual([])
  })

  it('a suggestion comes with the code', () => {
    const [e] = explain('docker run --it ubuntu')
    expect(e!.errors[0]).toMatchObject({ code: 'UNKNOWN_FLAG', suggestion: '-it' })
    expect(explain('docker --verison')[0]!.errors[0]).toMatchObject({ code: 'UNKNOWN_FLAG', suggestion: '--version' })
    expect(explain('docker -version')[0]!.errors[0]).toMatchObject({ code: 'UNKNOWN_FLAG', suggestion: '--version' })
  })
})
