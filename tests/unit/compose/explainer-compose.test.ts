// @vitest-environment happy-dom
// The explainer's Compose tab, both directions, as a user sees it.
import type { VueWrapper } from '@vue/test-utils'
import type { Ref } from 'vue'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { parse as parseYaml } from 'yaml'
import DockerExplainer from '../../../components/DockerExplainer.vue'

const printing: Ref<boolean> = await vi.hoisted(async () => {
  const { ref } = await import('vue')
  return ref(false)
})
vi.mock('../../../composables/useIsPrinting', () => ({ useIsPrinting: () => printing }))

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

async function composeTab(command: string) {
  wrapper = mount(DockerExplainer, { props: { command }, attachTo: document.body })
  await wrapper.get('[data-testid="explainer-tab-compose"]').trigger('click')
  return wrapper.get('[data-testid="explainer-compose"]')
}

describe('the Compose tab', () => {
  it('writes several commands as one file, with depends_on where one names another', async () => {
    const tab = await composeTab('docker network create app && docker run -d --name db --network app redis && docker run -d --name web --network app --link db -p 8000:5000 myapp')
    const file = parseYaml(tab.get('pre').text())
    expect(Object.keys(file.services)).toEqual(['db', 'web'])
    expect(file.services.web.depends_on).toEqual(['db'])
    expect(file.networks).toEqual({ app: {} })
    expect(tab.get('pre').text()).toMatch(/^# The Compose form of these commands/)
  })

  it('still writes the file when docker would refuse the command, saying why on the line', async () => {
    const tab = await composeTab('docker run -p 80:http -p 8080:80 nginx')
    expect(tab.get('pre').text()).toMatch(/# docker refuses this: .*80:http.*\n {4}ports:\n {6}- "8080:80"/)
  })

  it('shows a Compose file as the docker run commands it stands for', async () => {
    const tab = await composeTab(readFileSync(resolve(process.cwd(), 'snippets/flask_redis/compose.yaml'), 'utf8'))
    expect(tab.get('[data-testid="compose-as-runs"]').text()).toContain('This file is these two docker run commands, plus an image to build and a network.')
    expect(tab.get('pre').text().split('\n')).toEqual([
      'docker network create myproject_default',
      'docker build -t myproject-web .',
      'docker run -d --name myproject-redis-1 --network myproject_default --network-alias redis redis:8-alpine',
      'docker run -d --name myproject-web-1 --network myproject_default --network-alias web -p 127.0.0.1:8000:8000 -v .:/code --stop-signal SIGINT myproject-web',
    ])
  })

  it('says when Compose would refuse the file', async () => {
    const tab = await composeTab('services:\n  web:\n    image: nginx\n    depends_on: [db]\n')
    expect(tab.text()).toContain('Docker Compose would refuse this file')
    expect(tab.text()).toContain('no service "db"')
  })
})
