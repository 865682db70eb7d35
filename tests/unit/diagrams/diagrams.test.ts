// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import ClientDaemonDiagram from '../../../components/ClientDaemonDiagram.vue'
import ImagesContainersDiagram from '../../../components/ImagesContainersDiagram.vue'
import MountsDiagram from '../../../components/MountsDiagram.vue'
import PortMappingDiagram from '../../../components/PortMappingDiagram.vue'

/** The accessible name and description of the diagram's <svg>, resolved through its aria references. */
function accessibleText(wrapper: ReturnType<typeof mount>) {
  const svg = wrapper.get('svg')
  const byId = (id: string | undefined) => (id ? wrapper.find(`[id="${id}"]`).text() : '')
  return {
    role: svg.attributes('role'),
    name: byId(svg.attributes('aria-labelledby')),
    description: byId(svg.attributes('aria-describedby')),
  }
}

/** All text drawn in the picture, one string per <text>. */
function drawnTexts(wrapper: ReturnType<typeof mount>): string[] {
  return wrapper.findAll('text').map(text => text.text().replace(/\s+/g, ' ').trim())
}

const diagrams = [
  { name: 'ImagesContainersDiagram', component: ImagesContainersDiagram, props: {}, nameMatches: /images and containers/i },
  { name: 'ClientDaemonDiagram', component: ClientDaemonDiagram, props: {}, nameMatches: /client.*daemon/i },
  { name: 'PortMappingDiagram', component: PortMappingDiagram, props: { host: '8090', container: '3000' }, nameMatches: /port/i },
  { name: 'MountsDiagram', component: MountsDiagram, props: {}, nameMatches: /volumes.*bind mounts/i },
] as const

describe.each(diagrams)('$name', ({ component, props, nameMatches }) => {
  it('is one svg image with an accessible name and description', () => {
    const wrapper = mount(component, { props })
    expect(wrapper.findAll('svg')).toHaveLength(1)
    const { role, name, description } = accessibleText(wrapper)
    expect(role).toBe('img')
    expect(name).toMatch(nameMatches)
    expect(description.length).toBeGreaterThan(80)
  })

  it('scales with its container and caps its height', () => {
    const svg = mount(component, { props }).get('svg')
    expect(svg.attributes('viewBox')).toMatch(/^0 0 \d+ \d+$/)
    expect(svg.attributes('width')).toBeUndefined()
    expect(svg.attributes('style')).toMatch(/max-height: \d+px/)
  })

  it('gives every copy its own ids, so several can share a page (as in the slide overview)', () => {
    const twoCopies = defineComponent(() => () => [h(component, props), h(component, props)])
    const ids = mount(twoCopies).findAll('[id]').map(element => element.attributes('id'))
    expect(ids).toHaveLength(4)
    expect(new Set(ids).size).toBe(4)
  })
})

describe('imagesContainersDiagram', () => {
  it('shows the registry, the Dockerfile, the four verbs and the layers', () => {
    const texts = drawnTexts(mount(ImagesContainersDiagram))
    expect(texts).toEqual(expect.arrayContaining(['Registry', 'Dockerfile', 'build', 'pull', 'push']))
    expect(texts.filter(text => text === 'run')).toHaveLength(3)
    expect(texts.filter(text => text === 'writable layer')).toHaveLength(3)
    expect(texts.some(text => /read-only layers, shared/.test(text))).toBe(true)
  })
})

describe('imagesContainersDiagram arrows', () => {
  const wrapper = mount(ImagesContainersDiagram)
  const arrow = (label: string) => {
    const group = wrapper.findAll('g.dg-arrow').find(g => g.find('text').exists() && g.find('text').text() === label)
    if (!group)
      throw new Error(`no arrow labelled ${label}`)
    const numbers = (group.get('path').attributes('d') ?? '').match(/-?[\d.]+/g)!.map(Number)
    const text = group.get('text')
    return { from: [numbers[0]!, numbers[1]!], to: [numbers.at(-2)!, numbers.at(-1)!], labelX: Number(text.attributes('x')), labelY: Number(text.attributes('y')) }
  }
  const rectWith = (selector: string) => wrapper.findAll(selector).map(r => ({ x: Number(r.attributes('x')), y: Number(r.attributes('y')), width: Number(r.attributes('width')), height: Number(r.attributes('height')) }))

  it('lands pull on the base layers and sends push from the whole image', () => {
    const layers = rectWith('rect.dg-image').filter(r => r.width > 300)
    const base = layers.at(-1)!
    const pull = arrow('pull')
    expect(pull.to[1]).toBeGreaterThan(base.y)
    expect(pull.to[1]).toBeLessThan(base.y + base.height)
    const [outline] = rectWith('rect.dg-image-outline')
    const push = arrow('push')
    expect(push.from[0]).toBe(outline!.x)
    for (const layer of layers) {
      expect(layer.y).toBeGreaterThanOrEqual(outline!.y)
      expect(layer.y + layer.height).toBeLessThanOrEqual(outline!.y + outline!.height)
    }
  })

  it('keeps the pull and push labels clear of the registry and of the dashed border of your computer', () => {
    const [, host] = rectWith('rect.dg-frame')
    const registry = rectWith('rect.dg-registry')[0]!
    // 14.6 px labels: a generous 0.62 em per character, halo included.
    for (const label of ['pull', 'push']) {
      const { labelX } = arrow(label)
      const halfWidth = (label.length * 14.6 * 0.62) / 2 + 2
      expect(labelX - halfWidth).toBeGreaterThan(registry.x + registry.width)
      expect(labelX + halfWidth).toBeLessThan(host!.x)
    }
  })
})

describe('clientDaemonDiagram', () => {
  it('names the client, the daemon, the socket, the VM and what the daemon manages', () => {
    const all = drawnTexts(mount(ClientDaemonDiagram)).join('\n')
    for (const expected of ['docker — the client (CLI)', 'dockerd', 'REST API', '/var/run/docker.sock', 'Linux VM', 'images', 'containers', 'volumes', 'networks'])
      expect(all).toContain(expected)
  })
})

describe('portMappingDiagram', () => {
  it('shows the ports it is given, in the URL, the ports and the command', () => {
    const wrapper = mount(PortMappingDiagram, { props: { host: '8090', container: '3000' } })
    const texts = drawnTexts(wrapper)
    expect(texts).toContain('localhost:8090')
    expect(texts).toContain('host port 8090')
    expect(texts).toContain('port 3000')
    expect(texts).toContain('app, listening on')
    expect(texts).toContain('docker run -p 8090:3000 …')
    expect(accessibleText(wrapper).name).toBe('Port mapping: host port 8090 to container port 3000')
  })

  it('follows new props', async () => {
    const wrapper = mount(PortMappingDiagram, { props: { host: 8080, container: 80 } })
    expect(drawnTexts(wrapper)).toContain('docker run -p 8080:80 …')
    await wrapper.setProps({ host: 5433, container: 5432 } as Record<string, unknown>)
    expect(drawnTexts(wrapper)).toContain('docker run -p 5433:5432 …')
    expect(drawnTexts(wrapper)).toContain('host port 5433')
  })

  it('shows the host IP in the command and in the browser address when it is not a loopback one', () => {
    const local = drawnTexts(mount(PortMappingDiagram, { props: { host: 8090, container: 3000, hostIp: '127.0.0.1' } }))
    expect(local).toContain('docker run -p 127.0.0.1:8090:3000 …')
    expect(local).toContain('localhost:8090')
    expect(local).toContain('on 127.0.0.1 only')

    const lan = drawnTexts(mount(PortMappingDiagram, { props: { host: 8090, container: 3000, hostIp: '192.168.1.20' } }))
    expect(lan).toContain('192.168.1.20:8090')
  })

  it('refuses a port that is not a number from 1 to 65535, naming the prop', () => {
    expect(() => mount(PortMappingDiagram, { props: { host: '80a', container: '3000' } }))
      .toThrow('PortMappingDiagram: "host" must be a port number between 1 and 65535, got "80a"')
    expect(() => mount(PortMappingDiagram, { props: { host: '8090', container: 70000 } }))
      .toThrow('"container" must be a port number between 1 and 65535, got "70000"')
  })
})

describe('mountsDiagram', () => {
  it('shows the named volume, the read-only bind mount and the ephemeral writable layer', () => {
    const texts = drawnTexts(mount(MountsDiagram))
    expect(texts).toEqual(expect.arrayContaining([
      'myvolume',
      '/my_mount_point',
      '/home/me/data',
      '/data',
      'read-only (:ro)',
      'writable layer',
      'ephemeral',
    ]))
    expect(accessibleText(mount(MountsDiagram)).description).toContain('-v /home/me/data:/data:ro')
  })
})
