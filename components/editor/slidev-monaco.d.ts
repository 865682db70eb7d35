import type * as Monaco from 'monaco-editor'

/** Loads Monaco once with Slidev's set-up and the deck's (setup/monaco.ts): its editor options. */
declare const setup: () => Promise<{ monaco: typeof Monaco, editorOptions: Monaco.editor.IEditorOptions }>
export default setup
