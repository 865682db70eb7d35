import { describe, expect, it } from 'vitest'
import { ARROW_HEAD_LENGTH, arrowHeadPoints, arrowShape, pullBack } from '../../../lib/diagram/geometry'

describe('arrow geometry', () => {
  it('puts the head tip on the target point, pointing along the line', () => {
    expect(arrowHeadPoints([0, 0], [100, 0])).toBe('100,0 90,5 90,-5')
    expect(arrowHeadPoints([0, 100], [0, 0])).toBe('0,0 5,10 -5,10')
  })

  it('shortens the shaft under each head so the line does not poke through the tip', () => {
    const shape = arrowShape([[0, 0], [100, 0]], 'both')
    expect(shape.heads).toHaveLength(2)
    expect(shape.shaft).toBe(`M${ARROW_HEAD_LENGTH - 1} 0 L${100 - ARROW_HEAD_LENGTH + 1} 0`)
    expect(arrowShape([[0, 0], [0, 50], [50, 50]], 'none')).toEqual({ shaft: 'M0 0 L0 50 L50 50', heads: [] })
  })

  it('pulls a point back along its segment', () => {
    expect(pullBack([0, 0], [30, 40], 5)).toEqual([27, 36])
  })

  it('refuses arrows it cannot draw', () => {
    expect(() => arrowShape([[1, 1]])).toThrow('An arrow needs at least two points, got 1')
    expect(() => arrowShape([[5, 5], [5, 5]])).toThrow('Arrow segment has zero length at (5, 5)')
  })
})
