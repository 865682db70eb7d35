// docker compose, for the deck's Flask + Redis example: filled in below the core (see compose-run.ts).

import type { ClientContext } from './commands'
import type { Invocation } from './invocation'

export type ComposeHandler = (context: ClientContext, invocation: Invocation) => Promise<number>

let implementation: ComposeHandler | null = null

export function registerCompose(handler: ComposeHandler): void {
  implementation = handler
}

export async function composeCommand(context: ClientContext, invocation: Invocation): Promise<number> {
  if (!implementation) {
    context.io.stdout(`docker ${invocation.path.join(' ')}: not simulated here. Docker Compose would read compose.yaml and manage its services.\n`)
    return 0
  }
  return implementation(context, invocation)
}
