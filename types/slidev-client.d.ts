// The part of Slidev's client API this deck uses, for the type check only (tsconfig `paths`).
// Slidev ships its client as TypeScript sources written for its own, looser compiler settings and for
// build-time globals (`__SLIDEV_HASH_ROUTE__`…) and virtual modules that exist only inside `slidev`; checked
// under this project's strict settings they report ~80 errors in code that is not ours. Vite still bundles the
// real package: this file is read by vue-tsc alone.
import type { Ref } from 'vue'

/** A slide's route, as far as the deck reads it (the footer, global-bottom.vue). */
export interface SlideRoute {
  /** 1-based slide number. */
  no: number
  meta?: { slide?: { title?: string, frontmatter?: Record<string, unknown> } }
}

export interface SlidevNav {
  /** true while the deck is printed or exported (PDF, PNG). */
  isPrintMode: Readonly<Ref<boolean>>
  /** The slide on screen; in print, the slide being printed. */
  currentSlideRoute: Readonly<Ref<SlideRoute>>
  slides: Readonly<Ref<SlideRoute[]>>
  total: Readonly<Ref<number>>
}

export function useNav(): SlidevNav

export interface SlideContext {
  /** The 1-based number of the slide this component sits on (the presenter view's next slide has its own). */
  $page: Readonly<Ref<number>>
}

export function useSlideContext(): SlideContext
