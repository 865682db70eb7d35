// The ollama/ollama image's /bin/ollama: `serve` (the image's CMD) answers on 11434 as the real
// server answers with no model pulled (`GET /` → "Ollama is running", `GET /api/tags` → no models);
// `run MODEL` says what Ollama would do, since the simulator has no network and no model. Its log
// lines (Go slog lines naming source files and lines) were not found verbatim: one labelled line instead.
// Other subcommands go to the simulated client (lib/docker-sim/programs/services.ts).

import type { Program } from '../process'
import { simulatedClients } from './services'
import { untilSignalled } from './until-signalled'

const DEFAULT_PORT = 11434

/** Download sizes on ollama.com/library for the models the deck names (Q4_K_M quantisation). */
const MODEL_SIZES: Record<string, string> = {
  'llama3.2': '2.0 GB',
  'llama3.2:latest': '2.0 GB',
  'llama3.2:3b': '2.0 GB',
  'llama3.2:1b': '1.3 GB',
}

/** OLLAMA_HOST is `0.0.0.0:11434` in the image; its port decides where the server listens. */
function portOf(host: string | undefined): number {
  const port = Number(host?.split(':').pop())
  return Number.isInteger(port) && port > 0 ? port : DEFAULT_PORT
}

const serve: Program = async (io) => {
  io.setSignal('SIGTERM', 'handle')
  io.setSignal('SIGINT', 'handle')
  const port = portOf(io.env.get('OLLAMA_HOST'))
  let close: () => void
  try {
    close = io.network.listen(port, async (request) => {
      const text = (status: number, body: string, type = 'text/plain; charset=utf-8') => ({ status, headers: { 'Content-Type': type }, body })
      if (request.path === '/' && (request.method === 'GET' || request.method === 'HEAD'))
        return text(200, 'Ollama is running')
      if (request.path === '/api/tags' && request.method === 'GET')
        return text(200, '{"models":[]}', 'application/json; charset=utf-8')
      return text(404, '404 page not found')
    }, { host: '0.0.0.0' })
  }
  catch {
    io.stderr(`[simulator] ollama serve: port ${port} is already taken in this container\n`)
    return 1
  }
  io.stderr(`[simulator] ollama serve: listening on 0.0.0.0:${port}; no model is installed and none can be downloaded here\n`)
  await untilSignalled(io)
  // The server's signal handler closes it and calls os.Exit(0).
  close()
  return 0
}

const run: Program = async (io) => {
  const model = io.argv[2]
  if (!model) {
    io.stderr('Error: accepts at least 1 arg(s), received 0\n')
    return 1
  }
  const size = MODEL_SIZES[model]
  const sizeText = size ? `about ${size}` : 'a download whose size the simulator does not know'
  io.stderr(`[simulator] ollama run ${model}: Ollama would first download the model (${sizeText}) into /root/.ollama, which takes minutes, then open a ">>> " chat prompt. The simulator has no network and no model, so nothing is downloaded and no chat starts.\n`)
  return 1
}

export const ollamaProgram: Program = async (io) => {
  const subcommand = io.argv[1]
  if (subcommand === 'serve')
    return serve(io)
  if (subcommand === 'run')
    return run(io)
  return simulatedClients.ollama!(io)
}
