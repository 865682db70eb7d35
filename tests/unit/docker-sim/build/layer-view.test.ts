// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import LayerView from '../../../../components/LayerView.vue'
import { layerStack, SUGGESTED_DOCKERIGNORE, WHAT_IFS } from '../../../../lib/docker-sim/build/layer-view'

const DOCKERFILE = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nEXPOSE 5000\nCMD ["python", "app.py"]\n'
const FILES = { 'app.py': 'print("hi")\n', 'requirements.txt': 'flask==3.1.3\n' }
const inputs = { dockerfile: DOCKERFILE, files: FILES }
const whatIf = (id: string) => WHAT_IFS.find(candidate => candidate.id === id)!.apply(inputs)!
const statuses = (stack: ReturnType<typeof layerStack>) => stack.stages.flatMap(stage => stage.rows.map(row => [row.instruction, row.status, row.reason]))

describe('layer view model', () => {
  it('after a build with no change, every layer is cached; metadata has no layer', () => {
    const stack = layerStack(inputs, [inputs])
    expect(stack.stages.flatMap(stage => stage.rows.map(row => row.status))).toEqual(['base', 'cached', 'cached', 'cached', 'cached', 'metadata', 'metadata'])
    expect(stack.rebuiltCount).toBe(0)
    expect(stack.estimated).toBe(true)
    expect(stack.imageBytes).toBeGreaterThan(100_000_000)
  })

  it('edit app.py: only COPY . . runs again, because app.py changed', () => {
    expect(statuses(layerStack(whatIf('edit-app'), [inputs])).filter(([, status]) => status === 'rebuilt')).toEqual([['COPY . .', 'rebuilt', 'app.py changed']])
  })

  it('edit requirements.txt: its COPY and every later step run again, each with its reason', () => {
    expect(statuses(layerStack(whatIf('edit-requirements'), [inputs])).filter(([, status]) => status === 'rebuilt')).toEqual([
      ['COPY requirements.txt .', 'rebuilt', 'requirements.txt changed'],
      ['RUN pip install --no-cache-dir -r requirements.txt', 'rebuilt', 'an earlier step ran again (line 3)'],
      ['COPY . .', 'rebuilt', 'an earlier step ran again (line 4)'],
    ])
  })

  it('change the base tag: everything runs again; the command changed is named as such', () => {
    const changed = whatIf('change-base-tag')
    expect(changed.dockerfile).not.toBe(DOCKERFILE)
    const stack = layerStack(changed, [inputs])
    expect(stack.stages[0]!.rows[0]!.reason).toMatch(/^the base image changed/)
    expect(stack.rebuiltCount).toBe(4)
    const edited = layerStack({ ...inputs, dockerfile: DOCKERFILE.replace('--no-cache-dir', '--no-cache-dir -q') }, [inputs])
    expect(statuses(edited).find(([instruction]) => String(instruction).startsWith('RUN'))![2]).toBe('the command changed')
  })

  it('add a .dockerignore: COPY . . sees other files; leaving the Dockerfile out keeps CMD edits from reaching it', () => {
    const ignored = whatIf('add-dockerignore')
    expect(ignored.files['.dockerignore']).toBe(SUGGESTED_DOCKERIGNORE)
    expect(statuses(layerStack(ignored, [inputs])).filter(([, status]) => status === 'rebuilt').map(([i]) => i)).toEqual(['COPY . .'])
    const cmdEdit = { ...ignored, dockerfile: ignored.dockerfile.replace('app.py"]', 'app.py", "--debug"]') }
    expect(layerStack(cmdEdit, [inputs, ignored]).rebuiltCount).toBe(0)
    expect(layerStack({ ...inputs, dockerfile: cmdEdit.dockerfile }, [inputs]).rebuiltCount).toBe(1)
  })

  it('counts wasted bytes and draws the stages of a multi-stage build', () => {
    const waste = layerStack({ dockerfile: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n', files: {} }, [])
    expect(waste.wastedBytes).toBe(20 * 1024 * 1024)
    expect(waste.stages[0]!.rows[2]!.wastedBytes).toBe(20 * 1024 * 1024)
    expect(waste.stages[0]!.rows[1]!.findings.map(f => f.code)).toContain('AptListsKept')
    const multi = layerStack({ dockerfile: 'FROM python:3.12 AS build\nCOPY app.py /src/\nFROM python:3.12-slim\nCOPY --from=build /src /app\n', files: FILES }, [])
    expect(multi.stages.map(stage => [stage.name, stage.inFinalImage])).toEqual([['build', false], ['stage 1', true]])
  })

  it('shows why a build fails', () => {
    expect(layerStack({ dockerfile: 'FROM python:3.12-slim\nCOPY missing.txt .\n', files: {} }, []).error).toMatch(/"\/missing.txt": not found$/)
  })
})

describe('layerView component', () => {
  it('updates after typing stops, and a what-if marks only the later steps', async () => {
    vi.useFakeTimers()
    const wrapper = mount(LayerView, { props: { dockerfile: DOCKERFILE, files: FILES } })
    const rows = () => wrapper.findAll('[data-testid="layer-view-row"]').map(row => row.attributes('data-status'))
    expect(rows()).toEqual(['base', 'cached', 'cached', 'cached', 'cached', 'metadata', 'metadata'])
    await wrapper.get('[data-testid="what-if-edit-app"]').trigger('click')
    await nextTick()
    expect(rows()).toEqual(['base', 'cached', 'cached', 'cached', 'rebuilt', 'metadata', 'metadata'])
    expect(wrapper.get('[data-testid="layer-view-summary"]').text()).toContain('1 step run again')
    await wrapper.get('[data-testid="layer-view-build"]').trigger('click')
    await nextTick()
    expect(rows()).not.toContain('rebuilt')
    await wrapper.get('textarea').setValue(DOCKERFILE.replace('WORKDIR /app', 'WORKDIR /srv'))
    expect(rows()).not.toContain('rebuilt') // not yet: the view waits for typing to pause
    vi.advanceTimersByTime(300)
    await nextTick()
    expect(rows()).toEqual(['base', 'rebuilt', 'rebuilt', 'rebuilt', 'rebuilt', 'metadata', 'metadata'])
    vi.useRealTimers()
  })
})
