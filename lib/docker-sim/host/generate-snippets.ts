// Writes snippets-data.ts from the repository's snippets/ folder: `npx tsx lib/docker-sim/host/generate-snippets.ts`.
import { writeFileSync } from 'node:fs'
import { readSnippetsFromRepository, renderSnippetsModule } from './snippets-source'

const target = new URL('./snippets-data.ts', import.meta.url)
const files = readSnippetsFromRepository()
writeFileSync(target, renderSnippetsModule(files))
console.log(`${Object.keys(files).length} snippet files written to lib/docker-sim/host/snippets-data.ts`)
