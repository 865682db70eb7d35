// Slash paths as Linux and Go's path.Clean read them: one implementation for the simulated files,
// the Dockerfile's context and the build's working directories.

/** The parts of a slash path with empty and `.` parts dropped and each `..` taking one part back (never above the start). */
export function pathParts(path: string): string[] {
  const parts: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.')
      continue
    if (part === '..')
      parts.pop()
    else
      parts.push(part)
  }
  return parts
}
