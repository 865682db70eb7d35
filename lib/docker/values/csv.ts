// Go's encoding/csv, first record only: how the client reads `--mount` and `--network` fields,
// where a double-quoted field may hold commas.
import type { ValueResult } from './result'
import { fail, ok } from './result'

export interface CsvField {
  value: string
  start: number
  end: number
}

/** The first record of Go's encoding/csv, with each field's offset. */
export function readCsvRecord(text: string): ValueResult<CsvField[]> {
  if (text === '')
    return fail('EOF', 0, 0)
  const fields: CsvField[] = []
  let index = 0
  for (;;) {
    const start = index
    let value = ''
    if (text[index] === '"') {
      index++
      for (;;) {
        if (index >= text.length)
          return fail(`parse error on line 1, column ${index + 1}: extraneous or missing " in quoted-field`, start, text.length)
        if (text[index] === '"') {
          if (text[index + 1] === '"') {
            value += '"'
            index += 2
            continue
          }
          index++
          break
        }
        value += text[index]
        index++
      }
      if (index < text.length && text[index] !== ',') {
        return fail(`parse error on line 1, column ${index + 1}: extraneous or missing " in quoted-field`, start, index + 1)
      }
    }
    else {
      while (index < text.length && text[index] !== ',' && text[index] !== '\n') {
        if (text[index] === '"')
          return fail(`parse error on line 1, column ${index + 1}: bare " in non-quoted-field`, index, index + 1)
        value += text[index]
        index++
      }
    }
    fields.push({ value: value.replace(/\r$/, ''), start, end: index })
    if (index >= text.length || text[index] === '\n')
      break
    index++ // the comma
  }
  return ok(fields)
}
