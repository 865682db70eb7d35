import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { parseAttempt } from '../../../scripts/exercise'

describe('exercise CLI input', () => {
  it('reads commands, skips blanks and comments, and takes the Dockerfile block', () => {
    const attempt = parseAttempt('# try\ncd snippets/flask_app\n\n--- Dockerfile\nFROM python:3.14-slim\n\nCMD ["flask"]\n---\ndocker build -t flask-app .\n')
    expect(attempt.commands).toEqual(['cd snippets/flask_app', 'docker build -t flask-app .'])
    expect(attempt.dockerfile).toBe('FROM python:3.14-slim\n\nCMD ["flask"]\n')
  })

  it('refuses an unclosed Dockerfile block and a second one', () => {
    expect(() => parseAttempt('--- Dockerfile\nFROM x\n')).toThrow(/no closing "---"/)
    expect(() => parseAttempt('--- Dockerfile\n---\n--- Dockerfile\n---\n')).toThrow(/line 3: a second/)
  })
})

describe('npm run exercise', () => {
  const run = (args: string[], input = ''): { stdout: string, status: number } => {
    try {
      return { stdout: execFileSync('npx', ['tsx', 'scripts/exercise.ts', ...args], { input, encoding: 'utf8' }), status: 0 }
    }
    catch (failure) {
      const error = failure as { stdout: string, status: number }
      return { stdout: error.stdout, status: error.status }
    }
  }

  it('lists every exercise and checks an attempt from stdin', () => {
    const list = run(['--list']).stdout.trim().split('\n')
    expect(list.map(line => line.split('\t')[0])).toContain('stop-and-remove')
    const wrong = run(['check', 'stop-and-remove'], 'docker rm pinger\n')
    expect(wrong.status).toBe(1)
    const answer = JSON.parse(wrong.stdout) as { id: string, passed: boolean, hints: { id: string }[] }
    expect(answer.id).toBe('stop-and-remove')
    expect(answer.passed).toBe(false)
    expect(answer.hints[0]?.id).toBe('rm-running')
    const right = run(['check', 'stop-and-remove'], 'docker rm -f pinger\n')
    expect(right.status).toBe(0)
    expect(JSON.parse(right.stdout)).toEqual({ id: 'stop-and-remove', passed: true, hints: [] })
  }, 60_000)

  it('says so for an unknown exercise', () => {
    expect(run(['check', 'no-such-exercise']).status).toBe(2)
  }, 30_000)
})
