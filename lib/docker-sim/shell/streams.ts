// Standard streams inside the shell: a pipe between two commands, and input read from a string.

/** Thrown into a writer whose reader has gone (`yes | head -1`): the writer dies of SIGPIPE. */
export class BrokenPipe extends Error {
  constructor() {
    super('Broken pipe')
    this.name = 'BrokenPipe'
  }
}

export interface Input {
  readLine: (prompt?: string) => Promise<string | null>
  readChunk: () => Promise<string | null>
}

export type Output = (text: string) => void

export class Pipe implements Input {
  private buffer = ''
  private writerClosed = false
  private readerClosed = false
  private wake: (() => void) | null = null

  readonly write: Output = (text) => {
    if (this.readerClosed)
      throw new BrokenPipe()
    this.buffer += text
    this.notify()
  }

  closeWriter(): void {
    this.writerClosed = true
    this.notify()
  }

  closeReader(): void {
    this.readerClosed = true
    this.buffer = ''
  }

  async readChunk(): Promise<string | null> {
    while (!this.buffer && !this.writerClosed)
      await this.waitForData()
    if (!this.buffer)
      return null
    const chunk = this.buffer
    this.buffer = ''
    return chunk
  }

  async readLine(): Promise<string | null> {
    while (!this.buffer.includes('\n') && !this.writerClosed)
      await this.waitForData()
    if (!this.buffer)
      return null
    const end = this.buffer.indexOf('\n')
    const line = end === -1 ? this.buffer : this.buffer.slice(0, end)
    this.buffer = end === -1 ? '' : this.buffer.slice(end + 1)
    return line
  }

  private notify(): void {
    const wake = this.wake
    this.wake = null
    wake?.()
  }

  private waitForData(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve
    })
  }
}

/** Input from a text known in full (a file after `<`, a here-document). */
export function inputFromText(text: string): Input {
  let rest = text
  return {
    readChunk: async () => {
      if (!rest)
        return null
      const chunk = rest
      rest = ''
      return chunk
    },
    readLine: async () => {
      if (!rest)
        return null
      const end = rest.indexOf('\n')
      const line = end === -1 ? rest : rest.slice(0, end)
      rest = end === -1 ? '' : rest.slice(end + 1)
      return line
    },
  }
}

/** Input from a process's own line reader (a terminal): chunks are lines with their newline. */
export function inputFromLines(readLine: (prompt?: string) => Promise<string | null>, readChunk?: () => Promise<string | null>): Input {
  return {
    readLine,
    readChunk: readChunk ?? (async () => {
      const line = await readLine()
      return line === null ? null : `${line}\n`
    }),
  }
}

/** Reads everything until the end (cat without a file, sort, wc). */
export async function readAll(input: Input): Promise<string> {
  let text = ''
  for (let chunk = await input.readChunk(); chunk !== null; chunk = await input.readChunk())
    text += chunk
  return text
}

export const EMPTY_INPUT: Input = inputFromText('')
