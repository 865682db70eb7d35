// The simulated curl against what curl printed for Debian's http.server (http-server-fixtures.json).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SimFileSystem } from '../../../../lib/docker-sim/fs'
import { curlProgram, parseUrl } from '../../../../lib/docker-sim/programs/curl'
import { httpServerProgram } from '../../../../lib/docker-sim/programs/http-server'
import { loopbackNetwork, run, settle, signalClock } from './harness'

const fixtures = JSON.parse(readFileSync(new URL('./http-server-fixtures.json', import.meta.url), 'utf8')) as {
  files: Record<string, string | null>
  curl: { args: string[], stdout: string, stderr: string, exit: number }[]
}

/** curl draws a progress meter on stderr without a terminal; the simulator leaves it out (it is not deterministic). */
function withoutMeter(stderr: string): string {
  const at = stderr.indexOf('curl: (')
  return at === -1 ? stderr.replace(/^[\s\S]*Dload[^\n]*\n[\s\S]*$/, '') : stderr.slice(at)
}

describe('curl', () => {
  it('prints what curl 7.88 printed, byte for byte after normalising dates and the port', async () => {
    const fs = new SimFileSystem()
    fs.mkdir('/srv')
    for (const [name, content] of Object.entries(fixtures.files)) {
      if (content === null)
        fs.mkdir(`/srv/${name}`)
      else
        fs.writeFile(`/srv/${name}`, content)
    }
    const clock = signalClock()
    const network = loopbackNetwork()
    const server = run(['http.server', '8000', '-b', '127.0.0.1', '-d', '/srv'], { fs, clock, network, program: httpServerProgram, tty: true, env: { PYTHON_VERSION: '3.11.2' } })
    await settle()
    for (const recorded of fixtures.curl) {
      const result = await run(['curl', ...recorded.args.map(a => a.replace('PORT', '8000'))], { fs, network, program: curlProgram })
      const normalise = (text: string) => text.replace(/\r\n/g, '\n').replace(/(Date|Last-Modified): [^\n]+/g, '$1: DATE').replace(/8000/g, 'PORT')
      expect({ args: recorded.args, stdout: normalise(result.stdout), stderr: normalise(result.stderr), exit: result.exit })
        .toEqual({ args: recorded.args, stdout: recorded.stdout, stderr: withoutMeter(recorded.stderr), exit: recorded.exit })
    }
    clock.interrupt('SIGINT')
    await server
  })

  it('-o /dev/null -w \'%{http_code}\\n\' prints the status only, as the deck\'s check does', async () => {
    const network = loopbackNetwork()
    network.listen(8090, async () => ({ status: 200, headers: {}, body: 'page' }))
    const fs = new SimFileSystem()
    expect(await run(['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}\\n', 'http://localhost:8090/'], { fs, network, program: curlProgram })).toMatchObject({ stdout: '200\n', exit: 0 })
    expect(fs.stat('/dev/null')).toBeNull()
  })

  it('reads URLs as curl does: default scheme, port and path', () => {
    expect(parseUrl('localhost:8000')).toEqual({ host: 'localhost', port: 8000, path: '/' })
    expect(parseUrl('http://web/random?x=1')).toEqual({ host: 'web', port: 80, path: '/random?x=1' })
    expect(parseUrl('https://[::1]:8443/a')).toEqual({ host: '::1', port: 8443, path: '/a' })
  })

  it('refuses no URL and unknown options in curl\'s words', async () => {
    expect(await run(['curl'], { program: curlProgram })).toMatchObject({ exit: 2, stderr: 'curl: try \'curl --help\' or \'curl --manual\' for more information\n' })
    expect((await run(['curl', '--frobnicate', 'x'], { program: curlProgram })).exit).toBe(2)
  })
})
