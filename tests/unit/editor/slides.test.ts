import { describe, expect, it } from 'vitest'
import { slideUsesMonaco } from '../../../lib/editor/slides'

describe('slideUsesMonaco', () => {
  it('finds Monaco fences and snippet imports', () => {
    expect(slideUsesMonaco('# T\n\n```python {monaco-run} {autorun:false}\nprint(1)\n```')).toBe(true)
    expect(slideUsesMonaco('<<< @/snippets/flask_app/Dockerfile dockerfile {monaco} {height:\'auto\'}')).toBe(true)
    expect(slideUsesMonaco('~~~ts {monaco-diff}\na\n~~~')).toBe(true)
  })

  it('ignores plain code and prose that mentions monaco', () => {
    expect(slideUsesMonaco('```python\nprint(1)\n```')).toBe(false)
    expect(slideUsesMonaco('Slidev has a {monaco} option.')).toBe(false)
  })
})
