import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatExplanations } from '../../../lib/docker/cli-format'
import { explain } from '../../../lib/docker/index'

const ROOT = resolve(__dirname, '../../..')

function run(args: string[], input = '') {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/explain.ts', ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('cli: --jsonl', { timeout: 60_000 }, () => {
  it('prints one JSON object per command, in order, skipping blank lines', () => {
    const input = [
      'docker run -it --rm python:3.12',
      '',
      'docker runn nginx',
      '# a comment',
      'docker run -p 8080:80 \\',
      '  nginx',
      'pip install flask',
      'docker run --ulimit nofile=1024:2048 -m 512m nginx:1.27',
    ].join('\n')
    const { code, stdout } = run(['--jsonl'], input)
    expect(code).toBe(0)
    const lines = stdout.trim().split('\n').map(l => JSON.parse(l))
    expect(lines.map(l => [l.input, l.ok])).toEqual([
      ['docker run -it --rm python:3.12', true],
      ['docker runn nginx', false],
      ['docker run -p 8080:80 \\\n  nginx', true],
      ['pip install flask', true],
      ['docker run --ulimit nofile=1024:2048 -m 512m nginx:1.27', true],
    ])
    const first = lines[0]
    for (const key of ['input', 'ok', 'errors', 'warnings', 'segments', 'image', 'compose']) expect(first).toHaveProperty(key)
    expect(first.image.repository).toBe('python')
    expect(first.compose).toContain('image: python:3.12')
    expect(lines[1].errors[0]).toMatchObject({ code: 'UNKNOWN_COMMAND', severity: 'error', start: 7, end: 11, suggestion: 'run' })
    expect(lines[4].config).toMatchObject({ memory: 512 * 1024 ** 2, ulimits: [{ name: 'nofile', soft: 1024, hard: 2048 }] })
    expect(lines[2].warnings.map((w: { code: string }) => w.code)).toContain('PORT_ALL_INTERFACES')
    expect(lines[3].isDocker).toBe(false)
  })
})

describe('cli: one command', { timeout: 60_000 }, () => {
  it('prints a readable explanation, exit 0 when docker accepts it', () => {
    const { code, stdout } = run(['docker run -it --rm -p 8090:3000 python:3.12'])
    expect(code).toBe(0)
    expect(stdout).toContain('Part by part:')
    expect(stdout).toContain('Port 8090 of your computer')
    expect(stdout).toContain('PORT_ALL_INTERFACES')
  })

  it('lists the container settings it read', () => {
    const { code, stdout } = run(['docker run -d -p 0.0.0.0:8080:80 --mount type=image,source=alpine,target=/mnt -m 512 nginx:1.27'])
    expect(code).toBe(0)
    expect(stdout).toContain('port:       8080 → 80/tcp on every interface')
    expect(stdout).toContain('mount:      image alpine → /mnt')
    expect(stdout).toContain('memory:     512 bytes')
    expect(stdout).toContain('DAEMON_REFUSES')
  })

  it('exit 1 with the error pointed at when docker would refuse it', () => {
    const { code, stdout } = run(['docker run --it nginx'])
    expect(code).toBe(1)
    expect(stdout).toContain('UNKNOWN_FLAG')
    expect(stdout).toMatch(/--it(?:[^\n]*\n\S)*[^\n]*\n\s+(?:\S(?:[^\n]*\n\S)*[^\n]*\n\s+)*docker run --it nginx\n\s{15}\^{4}/)
  })

  it('--help documents the usage', () => {
    const { code, stdout } = run(['--help'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/--jsonl/)
    expect(stdout).toMatch(/Blank lines/)
  })
})

describe('cli-format', () => {
  it('says so when there is nothing to explain', () => {
    expect(formatExplanations(explain(''))).toMatch(/Nothing to explain/)
  })
})
