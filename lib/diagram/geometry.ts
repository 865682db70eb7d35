// Arrow geometry for the diagrams: pure functions, no DOM, so they can be tested
// and reused by every diagram component with the same look.

export type Point = readonly [x: number, y: number]

/** Length of an arrowhead along the line, and its half width, in viewBox units. */
export const ARROW_HEAD_LENGTH = 10
export const ARROW_HEAD_HALF_WIDTH = 5

function unitVector(from: Point, to: Point): Point {
  const dx = to[0] - from[0]
  const dy = to[1] - from[1]
  const length = Math.hypot(dx, dy)
  if (length === 0)
    throw new Error(`Arrow segment has zero length at (${from[0]}, ${from[1]})`)
  return [dx / length, dy / length]
}

/** Polygon points ("x,y x,y x,y") of a head whose tip touches `tip`, pointing away from `from`. */
export function arrowHeadPoints(from: Point, tip: Point, length = ARROW_HEAD_LENGTH, halfWidth = ARROW_HEAD_HALF_WIDTH): string {
  const [ux, uy] = unitVector(from, tip)
  const baseX = tip[0] - ux * length
  const baseY = tip[1] - uy * length
  const corners: Point[] = [
    tip,
    [baseX - uy * halfWidth, baseY + ux * halfWidth],
    [baseX + uy * halfWidth, baseY - ux * halfWidth],
  ]
  return corners.map(([x, y]) => `${round(x)},${round(y)}`).join(' ')
}

/** The point `by` units before `to` on the segment from → to (where a line meets its head). */
export function pullBack(from: Point, to: Point, by: number): Point {
  const [ux, uy] = unitVector(from, to)
  return [to[0] - ux * by, to[1] - uy * by]
}

export type ArrowHeads = 'end' | 'start' | 'both' | 'none'

export interface ArrowShape {
  /** SVG path data of the shaft, shortened so it ends under the heads. */
  shaft: string
  /** One polygon point list per head. */
  heads: string[]
}

/** Shaft and heads of a polyline arrow through `points` (at least two). */
export function arrowShape(points: readonly Point[], heads: ArrowHeads = 'end'): ArrowShape {
  if (points.length < 2)
    throw new Error(`An arrow needs at least two points, got ${points.length}`)
  const shaftPoints = points.map(p => [p[0], p[1]] as Point)
  const last = points.length - 1
  const polygons: string[] = []
  if (heads === 'start' || heads === 'both') {
    polygons.push(arrowHeadPoints(points[1]!, points[0]!))
    shaftPoints[0] = pullBack(points[1]!, points[0]!, ARROW_HEAD_LENGTH - 1)
  }
  if (heads === 'end' || heads === 'both') {
    polygons.push(arrowHeadPoints(points[last - 1]!, points[last]!))
    shaftPoints[last] = pullBack(points[last - 1]!, points[last]!, ARROW_HEAD_LENGTH - 1)
  }
  const shaft = shaftPoints.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${round(x)} ${round(y)}`).join(' ')
  return { shaft, heads: polygons }
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
