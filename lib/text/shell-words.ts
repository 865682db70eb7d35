// An argv written back as a command line: words with blanks or shell characters are single-quoted.

const PLAIN = /^[\w@%+=:,./-]+$/

export function shellJoin(argv: readonly string[]): string {
  return argv.map(word => (PLAIN.test(word) ? word : `'${word.replaceAll('\'', '\'\\\'\'')}'`)).join(' ')
}
