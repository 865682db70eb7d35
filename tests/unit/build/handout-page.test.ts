// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { cheatSheetTable, dropRoomLines, explainerTables, ROOM_MARKER } from '../../../scripts/deck/handout-page'

function html(markup: string) {
  const element = document.createElement('div')
  element.innerHTML = markup
  return element
}
const rows = (table: HTMLTableElement | null) => [...table?.querySelectorAll('tr') ?? []].map(row => [...row.cells].map(cell => cell.textContent))

describe('handout notes', () => {
  it('drops presenter-only paragraphs and items, and lists left empty, nothing else', () => {
    const notes = html('<p>Say what a volume is.</p><p>Room: ~3 min</p><ul><li>Room: ask who has Docker</li></ul><ol><li>Step one</li><li>Room: wait</li></ol><p>Rooms differ.</p>')
    expect(dropRoomLines(notes, ROOM_MARKER)).toBe(3)
    expect(notes.innerHTML).toBe('<p>Say what a volume is.</p><ol><li>Step one</li></ol><p>Rooms differ.</p>')
  })

  it('turns a printed explainer into a table of part, meaning and warning', () => {
    const slide = html(`<section data-testid="explainer-command"><h4 class="summary"><span class="tag">docker accepts it</span><span class="summary-text">Runs nginx</span></h4>
      <ul class="issues loose"><li class="issue">Error No such command</li></ul>
      <ol class="parts">
        <li class="part"><div class="what"><code class="part-text">-p</code></div><div class="why"><p>Publishes a port.</p></div></li>
        <li class="part"><div class="what"><code class="part-text">-e  PASSWORD=x</code></div><div class="why"><p>Sets a variable.</p>
          <ul class="issues"><li class="issue">SECRET_IN_ENV a secret in plain sight</li></ul></div></li>
      </ol></section>`)
    const [table, ...more] = explainerTables(slide)
    expect(more).toEqual([])
    expect(table!.caption?.textContent).toBe('Runs nginx (docker accepts it)')
    expect(rows(table!)).toEqual([
      ['Part', 'Meaning', 'Warning'],
      ['(the whole command)', '', 'Error No such command'],
      ['-p', 'Publishes a port.', ''],
      ['-e PASSWORD=x', 'Sets a variable.', 'SECRET_IN_ENV a secret in plain sight'],
    ])
  })

  it('gathers the cheat sheet into one table grouped by topic', () => {
    const sheets = [
      html('<div class="cheat-sheet"><div><p><strong>Images</strong></p><ul><li><code>docker images</code> list</li><li><code>docker rmi x</code> delete</li></ul></div></div>'),
      html('<div class="cheat-sheet"><div><p><strong>Containers</strong></p><ul><li><code>docker ps -a</code> running and stopped</li></ul></div></div>'),
    ]
    expect(rows(cheatSheetTable(sheets))).toEqual([
      ['Images'],
      ['docker images', 'list'],
      ['docker rmi x', 'delete'],
      ['Containers'],
      ['docker ps -a', 'running and stopped'],
    ])
    expect(cheatSheetTable([html('<p>no topics</p>')])).toBeNull()
  })
})
