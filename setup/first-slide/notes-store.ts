// Every slide's speaker notes, loaded in one lazy chunk the first time something reads a note (the
// presenter view, the notes page, the notes print) or at once when the deck is printed (the handout).
// setup/first-slide/plugin.ts points each slide's `meta.slide.noteHTML` here in the build.
import { shallowRef } from 'vue'

const notes = shallowRef<readonly string[] | null>(null)
let loading: Promise<void> | null = null

export function loadNotes(): Promise<void> {
  loading ??= import('virtual:deck-notes').then(
    (module) => {
      notes.value = module.default
    },
    (error: unknown) => {
      // Offline and never cached: a later read tries again.
      loading = null
      console.error('The speaker notes could not be loaded.', error)
    },
  )
  return loading
}

/** Slide `index`'s notes as HTML; '' until they are loaded (a reactive read, so views update then). */
export function noteHTML(index: number): string {
  if (!notes.value) {
    void loadNotes()
    return ''
  }
  return notes.value[index] ?? ''
}

// `?print` is Slidev's print mode: the handout reads every note right after the deck settles.
if (typeof location !== 'undefined' && new URLSearchParams(location.search).has('print'))
  void loadNotes()
