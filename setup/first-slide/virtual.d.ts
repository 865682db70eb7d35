// Emitted by setup/first-slide/plugin.ts: each slide's notes as HTML, by slide index.
declare module 'virtual:deck-notes' {
  const notes: readonly string[]
  export default notes
}
