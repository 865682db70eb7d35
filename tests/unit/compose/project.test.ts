import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { composeFromCommands } from '../../../lib/compose/from-run'
import { describeSteps, projectAsText, readComposeProject } from '../../../lib/compose/project'
import { commandWords } from '../../../lib/compose/to-run'
import { composeYaml } from '../../../lib/compose/yaml'
import { explain } from '../../../lib/docker/index'

const flaskRedis = readFileSync(new URL('../../../snippets/flask_redis/compose.yaml', import.meta.url), 'utf8')

describe('the way back: a Compose file as docker commands', () => {
  it('the deck\'s Flask + Redis file is two docker run commands, plus an image to build and a network', () => {
    const { project, issues } = readComposeProject(flaskRedis, { projectName: 'flask_redis' })
    expect(issues).toEqual([])
    expect(describeSteps(project!)).toBe('This file is these two docker run commands, plus an image to build and a network.')
    expect(project!.steps.map(step => step.text)).toEqual([
      'docker network create flask_redis_default',
      'docker build -t flask_redis-web .',
      'docker run -d --name flask_redis-redis-1 --network flask_redis_default --network-alias redis redis:8-alpine',
      'docker run -d --name flask_redis-web-1 --network flask_redis_default --network-alias web -p 127.0.0.1:8000:8000 -v .:/code --stop-signal SIGINT flask_redis-web',
    ])
    // Every step is a command docker accepts.
    for (const step of project!.steps) expect([step.text, explain(step.text)[0]!.errors]).toEqual([step.text, []])
  })

  it('the model the simulator uses: start order, dependencies, networks, and each container as the engine reads it', () => {
    const { project } = readComposeProject(flaskRedis, { projectName: 'flask_redis' })
    expect(project!.startOrder).toEqual(['redis', 'web'])
    const web = project!.services.find(service => service.name === 'web')!
    expect(web).toMatchObject({ image: 'flask_redis-web', containerName: 'flask_redis-web-1', build: { context: '.', dockerfile: null }, networks: ['default'], dependsOn: [{ service: 'redis', condition: 'service_started', required: true }] })
    expect(web.container).toMatchObject({
      name: 'flask_redis-web-1',
      detach: true,
      stopSignal: 'SIGINT',
      ports: [{ hostIp: '127.0.0.1', hostPort: '8000', containerPort: '8000', protocol: 'tcp' }],
      mounts: [{ type: 'bind', source: '.', target: '/code' }],
      network: { name: 'flask_redis_default', aliases: ['web'] },
    })
    expect(project!.networks).toEqual([{ key: 'default', name: 'flask_redis_default', external: false, driver: null, implicit: true }])
    expect(web.notes.map(note => note.key)).toEqual(['build', 'depends_on'])
  })

  it('named volumes and declared networks get the project\'s prefix; external ones keep their names', () => {
    const text = [
      'name: shop',
      'services:',
      '  db:',
      '    image: postgres:16',
      '    volumes: [pgdata:/var/lib/postgresql/data]',
      '    networks: [back, shared]',
      '  web:',
      '    image: nginx',
      '    depends_on:',
      '      db: { condition: service_healthy }',
      '    networks:',
      '      back: { aliases: [www] }',
      'volumes:',
      '  pgdata: {}',
      'networks:',
      '  back: { driver: bridge }',
      '  shared: { external: true }',
    ].join('\n')
    const { project } = readComposeProject(text)
    expect(project!.steps.map(step => step.text)).toEqual([
      'docker network create --driver bridge shop_back',
      'docker volume create shop_pgdata',
      'docker run -d --name shop-db-1 --network shop_back --network-alias db -v shop_pgdata:/var/lib/postgresql/data postgres:16',
      // A second network is joined after the run: daemons before Docker 25 refuse two on one run.
      'docker network connect --alias db shared shop-db-1',
      'docker run -d --name shop-web-1 --network shop_back --network-alias web --network-alias www nginx',
    ])
    expect(describeSteps(project!)).toBe('This file is these two docker run commands, plus a network, a volume and a network connect.')
    expect(project!.services[1]!.dependsOn).toEqual([{ service: 'db', condition: 'service_healthy', required: true, restart: false }])
  })

  it('a file Compose refuses has no project, only its issues', () => {
    const { project, issues } = readComposeProject('services:\n  web:\n    image: nginx\n    depends_on: [db]\n')
    expect(project).toBeNull()
    expect(issues.map(issue => issue.code)).toEqual(['COMPOSE_UNKNOWN_SERVICE'])
  })

  it('interpolates with the given environment; ${VAR:?…} unset is an error', () => {
    const text = 'services:\n  web:\n    image: "nginx:${TAG:-latest}"\n    ports: ["${PORT:?set PORT}:80"]\n'
    expect(readComposeProject(text, { environment: { PORT: '8080' } }).project!.services[0]!.run.text).toBe('docker run -d --name project-web-1 --network project_default --network-alias web -p 8080:80 nginx:latest')
    expect(readComposeProject(text).issues.map(issue => issue.code)).toEqual(['COMPOSE_REQUIRED_VARIABLE'])
  })

  it('entrypoint and command: text is split as a shell would (as Compose does), a list kept', () => {
    expect(commandWords('python -c "print(1)" \'a b\'')).toEqual(['python', '-c', 'print(1)', 'a b'])
    const { project } = readComposeProject('services:\n  t:\n    image: busybox\n    entrypoint: ["sh", "-c"]\n    command: "echo hi"\n')
    // Compose splits `command: "echo hi"` into two words, so sh -c runs `echo` alone: the file's own gotcha, kept.
    expect(project!.services[0]!.run.argv.slice(-6)).toEqual(['--entrypoint', 'sh', 'busybox', '-c', 'echo', 'hi'])
  })
})

describe('the way back in the terminal (npm run explain -- --compose FILE)', () => {
  it('prints the commands, or each problem at its line', () => {
    const good = projectAsText(flaskRedis, { projectName: 'flask_redis' })
    expect(good.ok).toBe(true)
    expect(good.text.split('\n').slice(0, 3)).toEqual(['This file is these two docker run commands, plus an image to build and a network. (project flask_redis)', '', '  docker network create flask_redis_default'])
    const bad = projectAsText('services:\n  web:\n    image: nginx\n    depends_on: [db]\n')
    expect(bad).toEqual({ ok: false, text: expect.stringContaining('line 4:18 COMPOSE_UNKNOWN_SERVICE') })
  })
})

describe('round trip: docker run → Compose → docker run keeps the container', () => {
  it.each([
    'docker run -d --name web -p 8080:80 -e A=1 -e B=two --restart always -w /srv -u 1000 nginx:1.27 nginx -g "daemon off;"',
    'docker run -d --name db -v pgdata:/var/lib/postgresql/data -v ./init:/docker-entrypoint-initdb.d:ro --memory 512m --cpus 1.5 --health-cmd "pg_isready" --health-interval 10s postgres:16',
    'docker run -d --name app --ulimit nofile=1024:2048 --cap-add NET_ADMIN --add-host db:10.0.0.5 --log-opt max-size=10m --stop-timeout 20 --tmpfs /run busybox sleep 1000',
  ])('%s', (command) => {
    const original = explain(command)[0]!.config!
    const yaml = composeYaml(composeFromCommands(command))
    const { project, issues } = readComposeProject(yaml, { projectName: 'p' })
    expect(issues.filter(issue => issue.severity === 'error')).toEqual([])
    const back = project!.services[0]!.container!
    const keep = (config: typeof original) => ({
      image: config.imageText,
      name: config.name,
      command: config.command,
      env: config.env.map(e => [e.name, e.value]),
      ports: config.ports.map(p => [p.hostPort, p.containerPort, p.protocol]),
      mounts: config.mounts.map(m => [m.type, m.type === 'volume' ? 'named' : m.source, m.target, m.readOnly]),
      restart: config.restart?.name ?? null,
      workdir: config.workdir,
      user: config.user,
      memory: config.memory,
      cpus: config.cpus,
      healthcheck: config.healthcheck && { test: config.healthcheck.test, interval: config.healthcheck.interval },
      ulimits: config.ulimits,
      capAdd: config.capAdd,
      addHosts: config.addHosts,
      logging: config.logging?.options ?? null,
      stopTimeout: config.stopTimeout,
    })
    expect(keep(back)).toEqual(keep(original))
  })
})
