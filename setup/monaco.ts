import type * as Monaco from 'monaco-editor'
import type { EditorHover, EditorMarker, MarkerSeverity } from '../lib/editor/types'
import { defineMonacoSetup } from '@slidev/types'
import { explain } from '../lib/docker'
import { composeMarkers } from '../lib/editor/compose-file'
import { dockerfileHover, dockerfileMarkers } from '../lib/editor/dockerfile'
import { shellHover, shellMarkers } from '../lib/editor/shell'

// Wires the pure providers of lib/editor into Monaco: hovers for Dockerfile and shell code,
// markers for Dockerfile, Compose YAML and docker commands. This file only translates.

const DOCKERFILE = ['dockerfile', 'docker']
const SHELL = ['bash', 'sh', 'shell', 'shellscript', 'zsh']
const YAML = ['yaml', 'yml']

type Check = (text: string) => EditorMarker[]
const CHECKS: [readonly string[], Check][] = [
  [DOCKERFILE, dockerfileMarkers],
  [YAML, composeMarkers],
  [SHELL, text => shellMarkers(text, explain)],
]
const MARKER_OWNER = 'docker-overview'

/**
 * Slide languages that Monaco's own (Monarch) grammars cover under another id. Monarch grammars
 * tokenize fast and load with Monaco; Shiki's TextMate grammars in Monaco hit its 500 ms per-line
 * limit on first use and leave lines uncoloured.
 */
const MONARCH_ALIASES: Record<string, () => Promise<{ language: Monaco.languages.IMonarchLanguage, conf: Monaco.languages.LanguageConfiguration }>> = {
  // @ts-expect-error monaco-editor ships no type declarations for its grammar modules
  bash: () => import('monaco-editor/languages/definitions/shell/shell.js'),
  // @ts-expect-error monaco-editor ships no type declarations for its grammar modules
  zsh: () => import('monaco-editor/languages/definitions/shell/shell.js'),
  // @ts-expect-error monaco-editor ships no type declarations for its grammar modules
  docker: () => import('monaco-editor/languages/definitions/dockerfile/dockerfile.js'),
}

/**
 * Slidev's Monaco component creates its editor once Monaco has loaded. When the presenter has left the
 * slide in the meantime (a Monaco slide is mounted only while shown, see setup/preparser.ts), the
 * component is gone and its container with it: Monaco then fails on a null element ("Cannot read
 * properties of null (reading 'parentNode')"). Such an editor is made off the page and dropped at once.
 */
function dropEditorsOfLeftSlides(monaco: typeof Monaco): void {
  const create = monaco.editor.create
  monaco.editor.create = (element, options, override) => {
    if (element?.isConnected)
      return create(element, options, override)
    const editor = create(document.createElement('div'), options, override)
    // After Slidev's own set-up of the editor, which continues synchronously after create().
    setTimeout(() => {
      editor.getModel()?.dispose()
      editor.dispose()
    })
    return editor
  }
}

export default defineMonacoSetup((monaco) => {
  dropEditorsOfLeftSlides(monaco)
  for (const [id, load] of Object.entries(MONARCH_ALIASES)) {
    monaco.languages.register({ id })
    monaco.languages.onLanguageEncountered(id, async () => {
      const grammar = await load()
      monaco.languages.setMonarchTokensProvider(id, grammar.language)
      monaco.languages.setLanguageConfiguration(id, grammar.conf)
    })
  }

  const severities: Record<MarkerSeverity, Monaco.MarkerSeverity> = {
    error: monaco.MarkerSeverity.Error,
    warning: monaco.MarkerSeverity.Warning,
    info: monaco.MarkerSeverity.Info,
  }

  const toMonacoHover = (hover: EditorHover | null): Monaco.languages.Hover | null =>
    hover && { range: hover.range, contents: hover.contents.map(block => ({ value: block.value })) }

  for (const language of DOCKERFILE) {
    monaco.languages.registerHoverProvider(language, {
      provideHover: (model, position) => toMonacoHover(dockerfileHover(model.getValue(), position.lineNumber, position.column)),
    })
  }
  for (const language of SHELL) {
    monaco.languages.registerHoverProvider(language, {
      provideHover: (model, position) => toMonacoHover(shellHover(model.getValue(), position.lineNumber, position.column, explain)),
    })
  }

  const validate = (model: Monaco.editor.ITextModel) => {
    const check = CHECKS.find(([languages]) => languages.includes(model.getLanguageId()))?.[1]
    if (!check)
      return
    const markers = check(model.getValue()).map(marker => ({ ...marker, severity: severities[marker.severity] }))
    monaco.editor.setModelMarkers(model, MARKER_OWNER, markers)
  }

  monaco.editor.onDidCreateModel((model) => {
    validate(model)
    let timer: ReturnType<typeof setTimeout> | undefined
    const changes = model.onDidChangeContent(() => {
      clearTimeout(timer)
      timer = setTimeout(validate, 250, model)
    })
    model.onWillDispose(() => {
      clearTimeout(timer)
      changes.dispose()
    })
  })

  return {
    editorOptions: {
      // Code at 22 px in the room (17 px on the 980 px canvas shown at 1280), like the code blocks.
      fontSize: 17,
      lineHeight: 24,
      // Long lines wrap instead of hiding past the edge of a narrow column.
      wordWrap: 'on',
      // Tab moves the focus on (to the Run button) instead of being typed: keyboard users can leave the editor.
      tabFocusMode: true,
      hover: { delay: 250 },
      renderLineHighlight: 'none',
    },
  }
})
