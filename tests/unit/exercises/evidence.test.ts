// What a check reads besides the machine: the engine's codes of the typed lines; and a box that
// checks a machine the exercise never started on must not pass by what is absent.
import { describe, expect, it } from 'vitest'
import { Simulator } from '../../../lib/docker-sim/simulator'
import { evidenceOf } from '../../../lib/exercises/evidence'
import { advance, baselineOf, checkExercise, exerciseById, freshProgress } from '../../../lib/exercises/index'
import { viewOf } from '../../../lib/exercises/replay'

describe('evidence of typed lines', () => {
  it('gathers the engine codes of every line', () => {
    const codes = evidenceOf(['docker ps', 'docker run --name greeter -e GREETING=hello python:3.12 bash -c "echo $GREETING"']).codes
    expect(codes.has('SHELL_EXPANSION') || codes.has('ENV_FROM_HOST')).toBe(true)
    expect(evidenceOf(['docker run --name greeter -e GREETING=hello python:3.12 bash -c \'echo $GREETING\'']).codes.has('SHELL_EXPANSION')).toBe(false)
    expect(evidenceOf([]).codes.size).toBe(0)
  })
})

describe('stop-and-remove on a machine that never ran pinger', () => {
  const exercise = exerciseById('stop-and-remove')!

  it('is not passed: "no pinger" counts only after pinger was seen running', async () => {
    const simulator = new Simulator()
    const view = viewOf(simulator, baselineOf(simulator))
    await simulator.run('docker ps -a')
    const { result } = checkExercise(exercise, view, freshProgress(), { codes: new Set() })
    expect(result.passed).toBe(false)
    expect(result.hints[0]?.id).toBe('goal:pinger-running')
  })

  it('passes once pinger, seen running (as the box sees it on arrival), is removed', async () => {
    const simulator = new Simulator()
    await simulator.run('docker run -d --name pinger python:3.12 sleep 3600')
    const baseline = baselineOf(simulator)
    const arrived = advance(exercise, viewOf(simulator, baseline), freshProgress())
    expect(arrived.reached).toEqual(['pinger-running'])
    await simulator.run('docker rm -f pinger')
    expect(checkExercise(exercise, viewOf(simulator, baseline), arrived, { codes: new Set() }).result.passed).toBe(true)
  })
})
