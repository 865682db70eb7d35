// Placing the engine's answer onto the whole text: offsets of several commands, problems drawn on
// the right parts, and problems that sit between parts (or after the last one) kept as markers.

import { describe, expect, it } from 'vitest'
import { cutText, placeCommand } from '../../../composables/useExplainer'
import { explain } from '../../../lib/docker/index'

function place(text: string) {
  return explain(text).map(placeCommand)
}

/** The whole text back from the pieces: parts and gaps in order, markers add nothing. */
function rejoin(text: string): string {
  return cutText(text, place(text))
    .map(piece => piece.type === 'part' ? piece.part.segment.text : piece.type === 'gap' ? piece.text : '')
    .join('')
}

describe('placing commands', () => {
  it('moves each command\'s parts to their place in the whole text', () => {
    const text = 'docker pull redis\ndocker run -d --name cache redis:7'
    const commands = place(text)
    expect(commands).toHaveLength(2)
    for (const command of commands) {
      for (const part of command.parts)
        expect(text.slice(part.start, part.end)).toBe(part.segment.text)
    }
    expect(commands[1]!.parts[0]!.start).toBe(text.indexOf('docker run'))
  })

  it('draws a warning on the part it is about', () => {
    const commands = place('docker run nginx -p 80:80')
    const warning = commands[0]!.issues.find(issue => issue.code === 'FLAG_AFTER_IMAGE')!
    expect(warning.partIds).toHaveLength(1)
    const part = commands[0]!.parts.find(p => p.id === warning.partIds[0])!
    expect(part.segment.text).toBe('-p 80:80')
    expect(part.issues).toContain(warning)
  })

  it('keeps a problem that lies in no part, so it is still drawn', () => {
    const text = 'docker run "unclosed'
    const [command] = place(text)
    const error = command!.issues.find(issue => issue.severity === 'error')!
    expect(error.partIds).toEqual([])
    const pieces = cutText(text, [command!])
    const carrier = pieces.find(piece => piece.type !== 'part' && piece.issues.includes(error))
    expect(carrier, 'a gap or a marker carries the error').toBeDefined()
  })
})

describe('cutting the text', () => {
  it.each([
    'docker run -d -p 8090:3000 -v mydata:/data -e BLA=5 --name web python:3.12',
    'docker ps -a && docker logs -f web | grep error',
    'docker run  --rm   alpine   echo "a  b"   # comment',
    'docker build -t app . ; docker run app',
    '',
  ])('gives back the text exactly: %s', (text) => {
    expect(rejoin(text)).toBe(text)
  })
})
