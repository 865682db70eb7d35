import { describe, expect, it } from 'vitest'
import { splitInlineCodeWords } from '../../../vite.config'

describe('inline code', () => {
  it('wraps each word so a line breaks only at spaces, never at a hyphen or inside a word', () => {
    expect(splitInlineCodeWords('<code v-pre>docker run  --name web</code>'))
      .toBe('<code v-pre><span class="code-word">docker</span> <span class="code-word">run</span>  <span class="code-word">--name</span> <span class="code-word">web</span></code>')
    expect(splitInlineCodeWords('<code>-e&amp;x</code>')).toBe('<code><span class="code-word">-e&amp;x</span></code>')
  })

  it('leaves anything but plain inline code alone', () => {
    expect(splitInlineCodeWords('<code><b>x</b></code>')).toBe('<code><b>x</b></code>')
    expect(splitInlineCodeWords('<pre><code>a b</code></pre>')).toBe('<pre><code>a b</code></pre>')
  })
})
