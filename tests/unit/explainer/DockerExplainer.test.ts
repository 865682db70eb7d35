// @vitest-environment happy-dom
// The widget against the real engine: what a user sees and can do, never the engine's internals.

import type { VueWrapper } from '@vue/test-utils'
import type { Ref } from 'vue'
import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import DockerExplainer from '../../../components/DockerExplainer.vue'
import { explain } from '../../../lib/docker/index'

// Outside Slidev there is no deck to print: the print switch is ours to flip.
const printing: Ref<boolean> = await vi.hoisted(async () => {
  const { ref } = await import('vue')
  return ref(false)
})
vi.mock('../../../composables/useIsPrinting', () => ({ useIsPrinting: () => printing }))

const FULL_RUN = 'docker run -d -p 8090:3000 -v mydata:/data -e BLA=5 --name web python:3.12'
const FLAG_AFTER_IMAGE = 'docker run nginx -p 80:80'

let wrapper: VueWrapper | null = null

function render(command: string, compact = false): VueWrapper {
  wrapper = mount(DockerExplainer, { props: { command, compact }, attachTo: document.body })
  return wrapper
}

/** The engine's text as the user reads it: `quoted` words are shown as code, without the quotes. */
function shown(text: string): string {
  return text.replace(/`([^`\n]+)`/g, '$1')
}

function spanButtons(w: VueWrapper) {
  return w.findAll('[data-testid="explainer-spans"] button[data-part-id]')
}

function spanWithText(w: VueWrapper, text: string) {
  const found = spanButtons(w).find(button => button.text() === text)
  if (!found)
    throw new Error(`no span "${text}" among ${spanButtons(w).map(b => JSON.stringify(b.text())).join(', ')}`)
  return found
}

beforeEach(() => {
  printing.value = false
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

describe('the command as spans', () => {
  it('draws one span per part the engine found, with the exact text, and nothing is lost', () => {
    const w = render(FULL_RUN)
    const [explanation] = explain(FULL_RUN)
    expect(spanButtons(w).map(button => button.text())).toEqual(explanation!.segments.map(segment => segment.text))
    expect(spanButtons(w).map(button => button.attributes('data-kind'))).toEqual(explanation!.segments.map(segment => segment.kind))
    expect(w.get('[data-testid="explainer-spans"]').text()).toBe(FULL_RUN)
    expect(spanWithText(w, 'python:3.12').attributes('data-kind')).toBe('image')
    expect(spanWithText(w, '-p 8090:3000').attributes('data-kind')).toBe('flag')
  })

  it('re-explains as you type', async () => {
    const w = render(FULL_RUN)
    await w.get('[data-testid="explainer-input"]').setValue('docker ps -a')
    expect(spanButtons(w).map(button => button.text())).toEqual(explain('docker ps -a')[0]!.segments.map(segment => segment.text))
  })

  it('shows each command of a text in turn', async () => {
    const w = render('docker pull redis && docker run -d redis')
    const commands = w.findAll('[data-testid="explainer-command"]')
    expect(commands).toHaveLength(2)
    const [first, second] = explain('docker pull redis && docker run -d redis')
    expect(commands[0]!.text()).toContain(shown(first!.summary))
    expect(commands[1]!.text()).toContain(shown(second!.summary))
    expect(w.get('[data-testid="explainer-spans"]').text()).toBe('docker pull redis && docker run -d redis')
  })
})

describe('explanations follow the span you point at', () => {
  it('clicking a span highlights its explanation and pins it', async () => {
    const w = render(FULL_RUN)
    const span = spanWithText(w, '-p 8090:3000')
    const expected = explain(FULL_RUN)[0]!.segments.find(segment => segment.text === '-p 8090:3000')!.explanation
    await span.trigger('click')
    expect(span.attributes('aria-pressed')).toBe('true')
    const highlighted = w.findAll('[data-testid="explainer-explanation"].is-highlighted')
    expect(highlighted).toHaveLength(1)
    expect(highlighted[0]!.text()).toContain(shown(expected))
    await span.trigger('click')
    expect(span.attributes('aria-pressed')).toBe('false')
  })

  it('focusing a span shows its explanation in the compact line', async () => {
    const w = render(FULL_RUN, true)
    const span = spanWithText(w, '--name web')
    const expected = explain(FULL_RUN)[0]!.segments.find(segment => segment.text === '--name web')!.explanation
    expect(w.get('[data-testid="explainer-focus-line"]').text()).toBe(shown(explain(FULL_RUN)[0]!.summary))
    await span.trigger('focus')
    expect(w.get('[data-testid="explainer-focus-line"]').text()).toContain(shown(expected))
    await span.trigger('blur')
    expect(w.get('[data-testid="explainer-focus-line"]').text()).toBe(shown(explain(FULL_RUN)[0]!.summary))
  })

  it('hovering an explanation highlights its span', async () => {
    const w = render(FULL_RUN)
    const row = w.findAll('[data-testid="explainer-explanation"]').find(li => li.text().includes('python:3.12'))!
    await row.trigger('mouseenter')
    expect(spanWithText(w, 'python:3.12').classes()).toContain('is-highlighted')
    await row.trigger('mouseleave')
    expect(spanWithText(w, 'python:3.12').classes()).not.toContain('is-highlighted')
  })
})

describe('errors and warnings', () => {
  it('marks FLAG_AFTER_IMAGE on its span and lists it with its message and code', () => {
    const w = render(FLAG_AFTER_IMAGE)
    const warning = explain(FLAG_AFTER_IMAGE)[0]!.warnings.find(w => w.code === 'FLAG_AFTER_IMAGE')
    expect(warning, 'the engine should warn about a flag after the image').toBeDefined()
    const marked = spanButtons(w).filter(button => button.classes().includes('has-warning'))
    expect(marked.length).toBeGreaterThan(0)
    expect(marked.map(button => button.text()).join(' ')).toContain(FLAG_AFTER_IMAGE.slice(warning!.start, warning!.end).split(' ')[0])
    const listed = w.findAll('[data-testid="explainer-issue"][data-code="FLAG_AFTER_IMAGE"]')
    expect(listed.length).toBeGreaterThan(0)
    expect(listed[0]!.text()).toContain('FLAG_AFTER_IMAGE')
    expect(listed[0]!.text()).toContain(shown(warning!.message))
  })

  it('shows an error at its place for a command Docker refuses', () => {
    const command = 'docker run -p 80090:80 nginx'
    const [explanation] = explain(command)
    expect(explanation!.ok).toBe(false)
    const w = render(command)
    const error = explanation!.errors[0]!
    expect(error.code).toBe('INVALID_VALUE')
    const issues = w.findAll('[data-testid="explainer-issue"][data-code="INVALID_VALUE"]')
    expect(issues.map(issue => issue.text()).join('\n')).toContain(shown(error.message))
    const atSpan = spanButtons(w).some(button => button.classes().includes('has-error'))
    const asMarker = w.findAll('[data-testid="explainer-marker"]').length > 0
    expect(atSpan || asMarker).toBe(true)
  })
})

describe('the picture of what runs where', () => {
  it('shows published ports, the volume, the variable, the name and the image', async () => {
    const w = render(FULL_RUN)
    await w.get('[data-testid="explainer-tab-picture"]').trigger('click')
    const picture = w.get('[data-testid="explainer-picture"]')
    const port = picture.get('[data-testid="picture-port"]')
    expect(port.text()).toContain('8090')
    expect(port.text()).toContain('every network interface')
    const row = (section: string) =>
      `${picture.get(`[data-testid="picture-${section}"]`).text()} → ${picture.get(`[data-testid="picture-${section}-inside"]`).text()}`
    expect(row('port')).toMatch(/port 8090[^\u2192]*\u2192.*port 3000/s)
    expect(row('storage')).toMatch(/volume mydata.*named volume[^\u2192]*\u2192.*\/data.*read-write/s)
    expect(picture.get('[data-testid="picture-env-inside"]').text()).toContain('BLA=5')
    expect(picture.get('[data-testid="picture-container"]').text()).toContain('web')
    expect(picture.get('[data-testid="picture-container"]').text()).toContain('python:3.12')
    expect(picture.text()).toContain('runs in the background (-d)')
    expect(picture.text()).toContain('the image\'s default command')
  })

  it('says where a variable is copied from your shell and a folder is read-only', async () => {
    const w = render('docker run --rm -e HOME -v /srv/models:/models:ro -p 127.0.0.1:8000:80 nginx')
    await w.get('[data-testid="explainer-tab-picture"]').trigger('click')
    const picture = w.get('[data-testid="explainer-picture"]')
    expect(picture.get('[data-testid="picture-env"]').text()).toContain('copied from your shell')
    expect(picture.text()).toContain('/srv/models')
    expect(picture.text()).toContain('read-only')
    expect(picture.get('[data-testid="picture-port"]').text()).toContain('only on 127.0.0.1')
  })
})

describe('the Compose view', () => {
  it('shows the engine\'s YAML as text', async () => {
    const w = render(FULL_RUN)
    await w.get('[data-testid="explainer-tab-compose"]').trigger('click')
    const yaml = explain(FULL_RUN)[0]!.compose
    expect(yaml).toContain('services:')
    expect(w.get('[data-testid="explainer-compose"] pre').text()).toBe(yaml!.trim())
  })
})

describe('untrusted text', () => {
  it('shows markup in a command as text and creates no element from it', async () => {
    const command = 'docker run -e X="<script>alert(1)</script>" --name "<img src=x onerror=alert(2)>" nginx <b>bold</b>'
    const w = render(command)
    for (const tab of ['explanations', 'picture', 'compose']) {
      await w.get(`[data-testid="explainer-tab-${tab}"]`).trigger('click')
      const root = w.get('[data-testid="docker-explainer"]').element
      expect(root.querySelector('script'), tab).toBeNull()
      expect(root.querySelector('img'), tab).toBeNull()
      expect(root.querySelector('b'), tab).toBeNull()
    }
    expect(w.get('[data-testid="explainer-spans"]').text()).toBe(command)
    expect(document.querySelector('script')).toBeNull()
    expect(document.querySelector('img')).toBeNull()
  })
})

describe('keyboard', () => {
  it('keeps one span in the Tab order and moves among spans with the arrow keys', async () => {
    const w = render(FULL_RUN)
    const buttons = spanButtons(w)
    expect(buttons.filter(button => button.attributes('tabindex') === '0')).toHaveLength(1)
    ;(buttons[0]!.element as HTMLElement).focus()
    await buttons[0]!.trigger('keydown', { key: 'ArrowRight' })
    await new Promise(resolve => setTimeout(resolve))
    expect(document.activeElement).toBe(buttons[1]!.element)
    await buttons[1]!.trigger('keydown', { key: 'End' })
    await new Promise(resolve => setTimeout(resolve))
    expect(document.activeElement).toBe(buttons.at(-1)!.element)
    await buttons.at(-1)!.trigger('keydown', { key: 'Home' })
    await new Promise(resolve => setTimeout(resolve))
    expect(document.activeElement).toBe(buttons[0]!.element)
  })

  it('uses real buttons (Enter and Space work natively) and moves tabs with arrows', async () => {
    const w = render(FULL_RUN)
    for (const button of spanButtons(w))
      expect(button.element.tagName).toBe('BUTTON')
    const explanations = w.get('[data-testid="explainer-tab-explanations"]')
    await explanations.trigger('keydown', { key: 'ArrowRight' })
    expect(w.get('[data-testid="explainer-tab-picture"]').attributes('aria-selected')).toBe('true')
    expect(w.find('[data-testid="explainer-panel-picture"]').exists()).toBe(true)
  })

  it('keeps keys typed in the widget away from the slide shortcuts', async () => {
    const w = render(FULL_RUN)
    const seen: string[] = []
    const listener = (event: KeyboardEvent) => seen.push(event.key)
    window.addEventListener('keydown', listener)
    try {
      for (const key of [' ', 'ArrowRight', 'ArrowLeft', 'ArrowDown', '5', 'f', 'o'])
        await w.get('[data-testid="explainer-input"]').trigger('keydown', { key, bubbles: true })
      await spanButtons(w)[0]!.trigger('keydown', { key: 'ArrowRight', bubbles: true })
      expect(seen).toEqual([])
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }))
      expect(seen).toEqual(['ArrowRight'])
    }
    finally {
      window.removeEventListener('keydown', listener)
    }
  })
})

describe('compact mode', () => {
  it('starts small and expands into the full view, then collapses with Escape', async () => {
    const w = render(FULL_RUN, true)
    expect(w.find('[role="tablist"]').exists()).toBe(false)
    const expand = w.get('[data-testid="explainer-expand"]')
    expect(expand.attributes('aria-expanded')).toBe('false')
    await expand.trigger('click')
    expect(w.find('[role="dialog"]').exists()).toBe(true)
    expect(w.find('[role="tablist"]').exists()).toBe(true)
    expect(w.findAll('[data-testid="explainer-explanation"]').length).toBe(explain(FULL_RUN)[0]!.segments.length)
    await w.get('[data-testid="explainer-input"]').trigger('keydown', { key: 'Escape' })
    expect(w.find('[role="dialog"]').exists()).toBe(false)
    expect(w.get('[data-testid="explainer-expand"]').attributes('aria-expanded')).toBe('false')
  })

  it('closes with its Close button', async () => {
    const w = render(FLAG_AFTER_IMAGE, true)
    await w.get('[data-testid="explainer-expand"]').trigger('click')
    await w.get('[data-testid="explainer-close"]').trigger('click')
    expect(w.find('[role="tablist"]').exists()).toBe(false)
  })
})

describe('print mode', () => {
  it('shows every explanation of a compact widget, with no tabs, buttons to press or hidden parts', () => {
    printing.value = true
    const w = render(FULL_RUN, true)
    const segments = explain(FULL_RUN)[0]!.segments
    const rows = w.findAll('[data-testid="explainer-explanation"]')
    expect(rows.map(row => row.find('code').text())).toEqual(segments.map(segment => segment.text))
    expect(rows.map(row => row.find('.why').text())).toEqual(segments.map(segment => expect.stringContaining(shown(segment.explanation))))
    expect(w.get('[data-testid="explainer-spans"]').text()).toBe(FULL_RUN)
    expect(w.find('[data-testid="explainer-expand"]').exists()).toBe(false)
    expect(w.find('[role="tablist"]').exists()).toBe(false)
    expect(w.find('[data-testid="explainer-focus-line"]').exists()).toBe(false)
    expect(w.findAll('[data-testid="explainer-issue"]').length).toBe(explain(FULL_RUN)[0]!.warnings.length)
  })

  it('adds the picture to the full widget', () => {
    printing.value = true
    const w = render(FULL_RUN)
    expect(w.findAll('[data-testid="explainer-explanation"]').length).toBe(explain(FULL_RUN)[0]!.segments.length)
    expect(w.get('[data-testid="explainer-picture"]').text()).toContain('8090')
    expect(w.find('[role="tablist"]').exists()).toBe(false)
  })

  it('leaves out the picture for a command that starts no container', () => {
    printing.value = true
    const w = render('docker ps -a')
    expect(w.find('[data-testid="explainer-picture"]').exists()).toBe(false)
    expect(w.findAll('[data-testid="explainer-explanation"]').length).toBeGreaterThan(0)
  })
})

describe('the engine\'s typed facts in the widget', () => {
  it.each([
    ['docker run -d -p 0.0.0.0:8080:80 nginx:1.27', 'PORT_ALL_INTERFACES'],
    ['docker run -d --name web python:3.12', 'EXITS_AT_ONCE'],
    ['docker run -m 512 nginx:1.27', 'DAEMON_REFUSES'],
    ['docker run -v <path/to/data>:/data nginx:1.27', 'PLACEHOLDER'],
  ])('%s shows %s', (command, code) => {
    const w = render(command)
    expect(w.findAll(`[data-testid="explainer-issue"][data-code="${code}"]`).length).toBeGreaterThan(0)
  })

  it('the picture says 0.0.0.0 is every interface and draws an image mount as an image', async () => {
    const w = render('docker run -p 0.0.0.0:8080:80 --mount type=image,source=alpine,target=/mnt nginx:1.27')
    await w.get('[data-testid="explainer-tab-picture"]').trigger('click')
    const picture = w.get('[data-testid="explainer-picture"]')
    expect(picture.get('[data-testid="picture-port"]').text()).toContain('every network interface')
    expect(picture.get('[data-testid="picture-storage"]').text()).toContain('image alpine')
  })
})
