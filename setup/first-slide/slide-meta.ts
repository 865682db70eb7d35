// A slide's route meta as Slidev's frontmatter modules build it (@slidev/cli, node/vite/loaders.ts),
// written once for all slides: the module that lists the slides loads before slide 1, and Slidev
// repeats these getters in each slide's module. setup/first-slide/plugin.ts points the build here.
export function slideMeta<Rest extends object>(frontmatter: Record<string, unknown>, rest: Rest) {
  return {
    get layout() { return frontmatter.layout },
    get transition() { return frontmatter.transition },
    get class() { return frontmatter.class },
    get clicks() { return frontmatter.clicks },
    get name() { return frontmatter.name },
    get preload() { return frontmatter.preload },
    ...rest,
    __clicksContext: null,
    __preloaded: false,
  }
}
