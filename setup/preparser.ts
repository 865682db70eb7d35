import { definePreparserSetup } from '@slidev/types'
import { slideUsesMonaco } from '../lib/editor/slides'

// Slidev renders every slide in the background 3 s after the deck opens. A slide with a Monaco
// editor would then download Monaco (several MB) while the audience is still on the title slide.
// `preload: false` makes such a slide load only when it is shown. A slide's own `preload` wins.
export default definePreparserSetup(() => [
  {
    name: 'deck:monaco-slides-load-on-show',
    async transformSlide(content, frontmatter: Record<string, unknown>) {
      if (frontmatter.preload === undefined && slideUsesMonaco(content))
        frontmatter.preload = false
      return undefined
    },
  },
])
