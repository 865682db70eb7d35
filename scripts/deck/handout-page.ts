// What the handout changes in the printed deck, in the page itself (through page.evaluate): it is
// written for a reader, not for the room. Each function is self-contained (Playwright sends its
// source text to the page) and works on plain DOM, so tests run it in happy-dom.

/** Notes paragraphs and list items that start with this are for the presenter only. */
export const ROOM_MARKER = 'Room:'

/**
 * Removes the presenter-only lines (`Room: ~3 min`, "ask the room"…) from a slide's notes, and lists
 * left empty by that. Returns how many lines were removed.
 */
export function dropRoomLines(notes: Element, marker: string): number {
  let removed = 0
  for (const line of [...notes.querySelectorAll('p, li')]) {
    if ((line.textContent ?? '').trim().startsWith(marker)) {
      line.remove()
      removed++
    }
  }
  for (const list of [...notes.querySelectorAll('ul, ol')]) {
    if (list.children.length === 0)
      list.remove()
  }
  return removed
}

/**
 * Each explainer on a printed slide as a plain table for the notes area: one row per part of the
 * command (part, meaning, warning), problems of the whole command first. Read from the explainer's
 * own printed list, so it says exactly what the widget says.
 */
export function explainerTables(slide: Element): HTMLTableElement[] {
  const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim()
  const tables: HTMLTableElement[] = []
  for (const command of slide.querySelectorAll('[data-testid="explainer-command"]')) {
    const table = document.createElement('table')
    table.className = 'handout-explainer'
    const caption = document.createElement('caption')
    const verdict = text(command.querySelector('.summary .tag'))
    const summary = text(command.querySelector('.summary .summary-text'))
    caption.textContent = verdict ? `${summary} (${verdict})` : summary
    table.append(caption)
    const head = table.createTHead().insertRow()
    for (const label of ['Part', 'Meaning', 'Warning']) {
      const cell = document.createElement('th')
      cell.scope = 'col'
      cell.textContent = label
      head.append(cell)
    }
    const body = table.createTBody()
    const addRow = (part: string, meaning: string, warning: string, partIsCode: boolean) => {
      const row = body.insertRow()
      const partCell = row.insertCell()
      if (partIsCode) {
        const code = document.createElement('code')
        code.textContent = part
        partCell.append(code)
      }
      else {
        partCell.textContent = part
      }
      row.insertCell().textContent = meaning
      row.insertCell().textContent = warning
    }
    for (const issue of command.querySelectorAll(':scope > .issues.loose > .issue'))
      addRow('(the whole command)', '', text(issue), false)
    for (const part of command.querySelectorAll('li.part')) {
      const warnings = [...part.querySelectorAll('.issue')].map(text).join(' ')
      addRow(text(part.querySelector('.part-text')), text(part.querySelector('.why p')), warnings, true)
    }
    tables.push(table)
  }
  return tables
}

/**
 * The cheat sheet slides (`.cheat-sheet`: a bold topic, then `- \`command\` what it does` items) as
 * one table grouped by topic, for a page of its own.
 */
export function cheatSheetTable(sheets: Element[]): HTMLTableElement | null {
  const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim()
  const table = document.createElement('table')
  table.className = 'handout-cheat-sheet'
  let rows = 0
  for (const sheet of sheets) {
    for (const topic of sheet.querySelectorAll('strong')) {
      const paragraph = topic.closest('p')
      const list = paragraph?.nextElementSibling
      if (!paragraph || !list || !/^(?:UL|OL)$/.test(list.tagName))
        continue
      const body = table.createTBody()
      const heading = body.insertRow()
      const cell = document.createElement('th')
      cell.colSpan = 2
      cell.scope = 'colgroup'
      cell.textContent = text(paragraph)
      heading.append(cell)
      for (const item of list.querySelectorAll(':scope > li')) {
        const code = item.querySelector('code')
        const row = body.insertRow()
        const command = row.insertCell()
        if (code)
          command.append(code.cloneNode(true))
        const rest = text(item).slice(code ? text(code).length : 0).trim()
        row.insertCell().textContent = rest
        rows++
      }
    }
  }
  return rows > 0 ? table : null
}
