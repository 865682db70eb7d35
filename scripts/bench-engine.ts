// Measures how many commands per second the explainer handles.
//
//   npx tsx scripts/bench-engine.ts
import { pathToFileURL } from 'node:url'
import { explain } from '../lib/docker/index'

const SHORT = 'docker run -it --rm python:3.12'

/** A realistic run command with 40 flags. */
const LONG = [
  'docker run -d --rm=false --name web --hostname web.local -p 127.0.0.1:8080:80 -p 8443:443/tcp',
  '-v webdata:/usr/share/nginx/html:ro -v /etc/localtime:/etc/localtime:ro --mount type=tmpfs,target=/cache',
  '-e NGINX_HOST=example.org -e NGINX_PORT=80 -e TZ=Europe/Rome --env-file ./web.env -l app=web -l tier=front',
  '--restart unless-stopped --memory 512m --cpus 1.5 --pids-limit 200 --network mynet --network-alias www',
  '--add-host db:10.0.0.2 --dns 1.1.1.1 --user 101:101 --workdir /usr/share/nginx/html --read-only --init',
  '--cap-drop ALL --cap-add NET_BIND_SERVICE --security-opt no-new-privileges --ulimit nofile=1024:2048',
  '--health-cmd "curl -f http://localhost/ || exit 1" --health-interval 30s --health-retries 3',
  '--log-driver json-file --log-opt max-size=10m --stop-timeout 20 --shm-size 64m --pull missing',
  'nginx:1.27-alpine nginx -g "daemon off;"',
].join(' ')

/** 100 KB of mixed commands, one per line. */
function hugeText(): string {
  const lines: string[] = []
  let size = 0
  for (let i = 0; size < 100 * 1024; i++) {
    const line
      = i % 3 === 0
        ? `docker exec -it c${i} bash -lc "echo ${i}"`
        : i % 3 === 1
          ? `docker run -p ${8000 + (i % 1000)}:80 -e A=${i} nginx:1.${i % 30}`
          : 'docker ps -a --format "{{.Names}}"'
    lines.push(line)
    size += line.length + 1
  }
  return lines.join('\n')
}
const HUGE = hugeText()

function measure(name: string, text: string, minimumMs = 400): { name: string, opsPerSecond: number } {
  explain(text) // warm-up
  let runs = 0
  const start = performance.now()
  let elapsed = 0
  while (elapsed < minimumMs) {
    explain(text)
    runs++
    elapsed = performance.now() - start
  }
  const perSecond = (runs * 1000) / elapsed
  return { name, opsPerSecond: perSecond >= 100 ? Math.round(perSecond) : Math.round(perSecond * 100) / 100 }
}

export async function runEngineBench(): Promise<{ name: string, opsPerSecond: number }[]> {
  return [
    measure('explain: short run command', SHORT),
    measure('explain: 40-flag run command', LONG),
    measure(`explain: ${Math.round(HUGE.length / 1024)} KB text of ${HUGE.split('\n').length} commands`, HUGE, 1000),
  ]
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const result of await runEngineBench()) console.log(`${result.name}: ${result.opsPerSecond.toLocaleString('en')} per second`)
}
