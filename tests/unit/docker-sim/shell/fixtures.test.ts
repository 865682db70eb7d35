// Replays every recorded case of the real shells (fixtures.json, from record-fixtures.py) in the simulator.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SimFileSystem, treeFromSpec } from '../../../../lib/docker-sim/fs'
import { freezeLayer } from '../../../../lib/docker-sim/fs/nodes'
import { formatDate } from '../../../../lib/docker-sim/programs/time'
import { run } from '../programs/harness'

interface Recorded { name: string, flavour: 'dash' | 'bash' | 'ash', script: string, stdout: string, stderr: string, exit: number }
const fixtures = JSON.parse(readFileSync(new URL('./fixtures.json', import.meta.url), 'utf8')) as {
  sandbox: string
  toolDirs: Record<'gnu' | 'busybox', string>
  tools: Record<'gnu' | 'busybox', string[]>
  files: Record<string, string | null>
  results: Recorded[]
  hostname: string
  recordedAtMs: number
  fileTimeMs: number
  dates: { seconds: number, format: string | null, gnu: string, busybox: string }[]
  interactive: { flavour: Recorded['flavour'], lines: string[], stdout: string, stderr: string, exit: number }[]
}

function sandbox(flavour: Recorded['flavour']): SimFileSystem {
  const family = flavour === 'ash' ? 'busybox' : 'gnu'
  const spec: Record<string, string | null | { content: string, mode: number }> = { '/tmp/': null }
  for (const [name, content] of Object.entries(fixtures.files))
    spec[`${fixtures.sandbox}/${name}${content === null ? '/' : ''}`] = content
  for (const tool of fixtures.tools[family])
    spec[`${fixtures.toolDirs[family]}/${tool}`] = { content: '', mode: 0o755 }
  if (family === 'busybox')
    spec['/bin/busybox'] = { content: '', mode: 0o755 }
  // The recorder dated every file an hour before the recording; the simulated clock starts at the recording.
  return new SimFileSystem({ layers: [freezeLayer(treeFromSpec(spec, fixtures.fileTimeMs - fixtures.recordedAtMs))] })
}

describe('the simulated shells print what dash, bash and busybox sh printed', () => {
  for (const recorded of fixtures.results) {
    it(`${recorded.flavour}: ${recorded.name}`, async () => {
      const argv0 = recorded.flavour === 'bash' ? 'bash' : 'sh'
      const fs = sandbox(recorded.flavour)
      const family = recorded.flavour === 'ash' ? 'busybox' : 'gnu'
      const result = await run([argv0, '-c', recorded.script], {
        fs,
        cwd: fixtures.sandbox,
        env: { PATH: fixtures.toolDirs[family], HOME: '/root' },
        clock: { now: () => 0, epochMs: fixtures.recordedAtMs, sleep: async () => {} },
      })
      expect({ stdout: result.stdout, stderr: result.stderr, exit: result.exit }).toEqual({ stdout: recorded.stdout, stderr: recorded.stderr, exit: recorded.exit })
    })
  }
})

/** The recorder drops blank lines, job-control warnings and BusyBox's banner (not part of a session in Docker). */
function session(text: string): string {
  return text.split('\n').filter(l => !/job control|terminal process group|^BusyBox v|^Enter .help.|^$/.test(l)).join('\n')
}

describe('interactive sessions match the real shells: prompts, messages, line numbers, exit', () => {
  for (const recorded of fixtures.interactive) {
    it(recorded.flavour, async () => {
      const family = recorded.flavour === 'ash' ? 'busybox' : 'gnu'
      const result = await run([recorded.flavour === 'bash' ? 'bash' : 'sh'], {
        fs: sandbox(recorded.flavour),
        cwd: fixtures.sandbox,
        env: { PATH: fixtures.toolDirs[family], HOME: '/root', HOSTNAME: fixtures.hostname },
        tty: true,
        echo: recorded.flavour === 'bash',
        input: recorded.lines,
      })
      expect(result.exit).toBe(recorded.exit)
      if (recorded.flavour === 'ash') {
        expect(session(result.promptsAndStdout)).toBe(session(recorded.stdout))
        expect(session(result.stderr)).toBe(session(recorded.stderr))
      }
      else {
        expect(session(result.promptsAndStderr)).toBe(session(recorded.stderr))
        expect(result.stdout).toBe(recorded.stdout)
      }
    })
  }
})

describe('date prints what GNU date and BusyBox date printed for the same instants', () => {
  for (const recorded of fixtures.dates) {
    it(`@${recorded.seconds} ${recorded.format ?? '(default)'}`, () => {
      const text = `${formatDate(new Date(recorded.seconds * 1000), recorded.format?.slice(1))}\n`
      expect(text).toBe(recorded.gnu)
      expect(text).toBe(recorded.busybox)
    })
  }
})
