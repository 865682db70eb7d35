import type { Transcript } from '../../../scripts/daemon/transcript'
import { describe, expect, it } from 'vitest'
import { parseLegacyBuildOutput } from '../../../scripts/daemon/build-cache'
import { compareTranscript, driftBetween, expectedOf } from '../../../scripts/daemon/transcript'

function transcript(steps: Transcript['steps']): Transcript {
  return {
    format: 1,
    scenario: 'demo',
    title: 'Demo',
    recorded: { date: '2026-12-01', daemon: '20.10.24', apiVersion: '1.41', client: '28.2.2', storageDriver: 'overlay2', cgroupVersion: '1' },
    images: [],
    files: {},
    steps,
  }
}

const ID = `${'c0ffee'.repeat(10)}c0ff`

describe('compareTranscript', () => {
  const t = transcript([
    { command: 'docker run -d --name web busybox sleep 300', stdout: '<id1>\n', stderr: '', exit: 0 },
    { command: 'docker ps --format "{{.ID}} {{.Names}} {{.Status}}"', stdout: '<id1:12> web Up <duration>\n', stderr: '', exit: 0 },
    { command: 'docker stop web', stdout: 'web\n', stderr: '', exit: 0, elapsedSeconds: 10.2 },
    { command: 'docker rm nope', stdout: '', stderr: 'Error: No such container: nope\n', exit: 1, docker29: { stderr: 'Error response from daemon: No such container: nope\n', source: 'test' } },
  ])

  it('normalises what the simulator printed the same way and counts identical lines', () => {
    const result = compareTranscript(t, [
      { stdout: `${ID}\n`, stderr: '', exit: 0 },
      { stdout: `${ID.slice(0, 12)} web Up 4 seconds\n`, stderr: '', exit: 0 },
      { stdout: 'web\n', stderr: '', exit: 0, elapsedSeconds: 10 },
      { stdout: '', stderr: 'Error response from daemon: No such container: nope\n', exit: 1 },
    ])
    expect(result.differences).toEqual([])
    expect(result.agreement).toBe(1)
    expect(result.totalLines).toBe(4 + 4 + 1)
  })

  it('reports each differing line, exit code and timing with its step', () => {
    const result = compareTranscript(t, [
      { stdout: `${ID}\n`, stderr: '', exit: 0 },
      { stdout: `${ID.slice(0, 12)} web Exited (0) 1 second ago\n`, stderr: '', exit: 0 },
      { stdout: 'web\n', stderr: '', exit: 0, elapsedSeconds: 0 },
      { stdout: '', stderr: 'Error: No such container: nope\n', exit: 2 },
    ])
    expect(result.differences.map(d => [d.step, d.stream])).toEqual([[2, 'stdout'], [3, 'elapsed'], [4, 'stderr'], [4, 'exit']])
    expect(result.differences[0]!.actual).toBe('<id1:12> web Exited (0) <duration> ago')
    expect(result.identicalLines).toBe(result.totalLines - 4)
  })

  it('can compare with what 20.10 printed instead of the Docker 29 text', () => {
    expect(expectedOf(t.steps[3]!, 'recorded').stderr).toBe('Error: No such container: nope\n')
    expect(expectedOf(t.steps[3]!).stderr).toMatch(/^Error response from daemon/)
  })

  it('matches lines as a longest common subsequence: one extra line costs one line', () => {
    const long = transcript([{ command: 'ls', stdout: 'a\nb\nc\nd\n', stderr: '', exit: 0 }])
    const result = compareTranscript(long, [{ stdout: 'a\nX\nb\nc\nd\n', stderr: '', exit: 0 }])
    expect(result.identicalLines).toBe(4 + 1)
    expect(result.totalLines).toBe(5 + 1)
    expect(result.differences[0]!.actual).toBe('X')
  })

  it('refuses a result list of the wrong length', () => {
    expect(() => compareTranscript(t, [])).toThrow(/0 results for 4 steps/)
  })
})

describe('driftBetween', () => {
  it('is empty for the same transcript and names each changed step', () => {
    const a = transcript([{ command: 'docker stop web', stdout: 'web\n', stderr: '', exit: 0, elapsedSeconds: 10.3 }])
    const b = transcript([{ command: 'docker stop web', stdout: 'web\n', stderr: '', exit: 0, elapsedSeconds: 10.9 }])
    expect(driftBetween(a, b)).toEqual([])
    const c = transcript([{ command: 'docker stop web', stdout: 'web\n', stderr: '', exit: 0, elapsedSeconds: 0.4 }])
    expect(driftBetween(a, c)).toEqual(['demo step 1 (docker stop web): took 0.4s, recorded 10.3s'])
  })
})

describe('parseLegacyBuildOutput', () => {
  it('tells cached steps from rebuilt ones and FROM from both', () => {
    const out = [
      'Step 1/5 : ARG TAG=3.12',
      'Sending build context to Docker daemon  3.072kB',
      'Step 2/5 : FROM python:${TAG}',
      ' ---> 3e15a8cf1b88',
      'Step 3/5 : WORKDIR /app',
      ' ---> Using cache',
      ' ---> 1b2c3d4e5f60',
      'Step 4/5 : COPY app.py .',
      ' ---> 2b2c3d4e5f60',
      'Step 5/5 : CMD ["python3", "app.py"]',
      ' ---> Running in 3b2c3d4e5f60',
      'Removing intermediate container 3b2c3d4e5f60',
      ' ---> 4b2c3d4e5f60',
      'Successfully built 4b2c3d4e5f60',
    ].join('\n')
    expect(parseLegacyBuildOutput(out).map(s => [s.step, s.keyword, s.cached, s.buildkitStep])).toEqual([
      [1, 'ARG', null, false],
      [2, 'FROM', null, true],
      [3, 'WORKDIR', true, true],
      [4, 'COPY', false, true],
      [5, 'CMD', false, false],
    ])
  })
})
