// @vitest-environment happy-dom
import type { VueWrapper } from '@vue/test-utils'
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { reactive, ref } from 'vue'
import ExerciseBox from '../../../components/ExerciseBox.vue'
import { exerciseById } from '../../../lib/exercises/index'
import { startingMachine } from '../../../lib/exercises/replay'

const printing = ref(false)
vi.mock('../../../composables/useIsPrinting', () => ({ useIsPrinting: () => printing }))

const simulator = await startingMachine(exerciseById('stop-and-remove')!)
const revision = ref(0)
const typed: { channel: string, lines: readonly string[], page?: number }[] = []
const lastCommands = reactive<Record<string, string[]>>({})
vi.mock('../../../composables/useMachine', () => ({
  // Read when the box checks (vi.mock is hoisted above this file's variables).
  get lastCommands() {
    return lastCommands
  },
  clearCommands: (channel?: string) => Object.keys(lastCommands).filter(key => channel === undefined || key === channel).forEach(key => delete lastCommands[key]),
  machine: async () => simulator,
  machineChanged: async () => {
    revision.value++
  },
  useMachine: () => ({ revision, typeIntoTerminal: (channel: string, lines: readonly string[], page?: number) => typed.push(page === undefined ? { channel, lines } : { channel, lines, page }) }),
}))

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  printing.value = false
})

describe('exerciseBox', () => {
  it('checks after a command: the specific hint, then passed; Show me types the reference solution', async () => {
    // Slidev gives every slide its number; "Show me" says which slide's terminal is meant.
    wrapper = mount(ExerciseBox, { props: { id: 'stop-and-remove', channel: 'lifecycle' }, global: { provide: { '$$slidev-page': ref(32) } } })
    await flushPromises()
    await simulator.run('docker rm pinger')
    revision.value++
    await flushPromises()
    expect(wrapper.get('[data-hint]').attributes('data-hint')).toBe('rm-running')
    expect(wrapper.find('[data-status="passed"]').exists()).toBe(false)
    await simulator.run('docker rm -f pinger')
    revision.value++
    await flushPromises()
    expect(wrapper.find('[data-status="passed"]').exists()).toBe(true)
    await wrapper.get('button:nth-of-type(3)').trigger('click')
    await flushPromises()
    expect(typed.at(-1)).toEqual({ channel: 'lifecycle', lines: exerciseById('stop-and-remove')!.solutions[0]!.commands, page: 32 })
  })

  it('reads the lines its channel ran: a hint keyed by an engine code shows (as in the CLI)', async () => {
    // Double quotes: the laptop's shell replaces $GREETING (empty there) before docker sees it.
    const line = 'docker run --name greeter -e GREETING=hello python:3.12 bash -c "echo $GREETING"'
    wrapper = mount(ExerciseBox, { props: { id: 'environment-variable', channel: 'env' } })
    await flushPromises()
    await simulator.run(line)
    lastCommands.other = [line]
    revision.value++
    await flushPromises()
    // Typed in another channel's terminal: not this box's evidence, so only the unmet goal is said.
    expect(wrapper.get('[data-hint]').attributes('data-hint')).toBe('goal:printed')
    lastCommands.env = [line]
    revision.value++
    await flushPromises()
    expect(wrapper.get('[data-hint]').attributes('data-hint')).toBe('expanded-on-host')
  })

  it('prints numbered steps and the expected output, no buttons', async () => {
    printing.value = true
    wrapper = mount(ExerciseBox, { props: { id: 'named-volume' } })
    await flushPromises()
    const exercise = exerciseById('named-volume')!
    expect(wrapper.findAll('ol.exercise-steps li').map(li => li.text())).toEqual(exercise.steps)
    expect(wrapper.get('.exercise-expected pre').text()).toBe(exercise.expectedOutput)
    expect(wrapper.findAll('button')).toHaveLength(0)
  })

  it('says so for an unknown id', () => {
    wrapper = mount(ExerciseBox, { props: { id: 'nope' } })
    expect(wrapper.text()).toContain('No exercise "nope"')
  })
})
