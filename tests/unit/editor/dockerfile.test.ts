import { describe, expect, it } from 'vitest'
import { dockerfileHover, dockerfileMarkers } from '../../../lib/editor/dockerfile'

describe('dockerfile editor providers', () => {
  it('turns problems into 1-based Monaco markers', () => {
    expect(dockerfileMarkers('FROM alpine:3.20\nRUNN x\n')).toEqual([{
      startLineNumber: 2,
      startColumn: 1,
      endLineNumber: 2,
      endColumn: 5,
      severity: 'error',
      message: expect.stringContaining('Unknown instruction "RUNN"'),
      source: 'Dockerfile',
      code: 'UNKNOWN_INSTRUCTION',
    }])
  })

  it('shows the build checks as warnings under their BuildKit names, with the suggested line', () => {
    const markers = dockerfileMarkers('FROM python:3.12-slim\nCMD python app.py\n')
    expect(markers.map(marker => [marker.code, marker.severity, marker.startLineNumber])).toEqual([['JSONArgsRecommended', 'warning', 2]])
    expect(markers[0]!.message).toContain('CMD ["python", "app.py"]')
    expect(dockerfileMarkers('FROM python:3.12-slim\nCMD ["python", "app.py"]\n')).toEqual([])
  })

  it('hovers FROM with the engine\'s explanation of the image', () => {
    const hover = dockerfileHover('FROM ubuntu:24.04\n', 1, 2)
    expect(hover?.range).toEqual({ startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 5 })
    expect(hover?.contents[0]?.value).toBe('**FROM — Start a build stage from a base image.**')
    const text = hover?.contents.map(block => block.value).join('\n') ?? ''
    // The engine knows `ubuntu` is an official Docker Hub image and `24.04` its tag.
    expect(text).toMatch(/ubuntu/)
    expect(text).toMatch(/24\\?\.04/)
    expect(text).not.toContain('Base image: `ubuntu:24.04`.')
  })

  it('has no hover outside instructions', () => {
    expect(dockerfileHover('FROM alpine:3.20\n\n# note\n', 2, 1)).toBeNull()
  })
})
