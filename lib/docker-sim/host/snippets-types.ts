/** One file of the deck's snippets/ folder, as the student's home holds it. */
export interface SnippetFile {
  content: string
  /** 0o755 for scripts git tracks as executable, else 0o644. */
  mode: number
}
