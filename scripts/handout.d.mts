import type { Deck, OutlineItem } from './export-slides.mjs'

export function handoutFilename(deck: { exportFilename: string }): string
export function buildHandout(options: { dist: string, base?: string, out: string, projectRoot?: string, chromiumPath?: string, deck?: Deck }): Promise<{ out: string, pages: number, slides: number, milliseconds: number }>
export function slideStartPages(outline: OutlineItem[], slideCount: number): number[]
