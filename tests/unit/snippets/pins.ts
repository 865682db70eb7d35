// Checks that a requirements.txt is honest: pins what the tests run, and covers what the app imports.
import { readFileSync } from 'node:fs'
import { installedVersions, parseRequirements, runPython } from './processes'

export function readPins(file: string): Map<string, string> {
  return parseRequirements(readFileSync(file, 'utf8'), file)
}

/** Pinned versions that differ from what the real interpreter has installed, as readable lines. */
export function pinsDifferingFromInstalled(pins: Map<string, string>): string[] {
  const installed = installedVersions([...pins.keys()])
  return [...pins].filter(([name, version]) => installed[name] !== version).map(([name, version]) => `${name}==${version} pinned, installed: ${installed[name] ?? 'not installed'}`)
}

/**
 * The distributions providing each third-party module the Python file imports
 * (standard library excluded), e.g. { flask: ['Flask'], numpy: ['numpy'] }.
 */
export function thirdPartyImports(pythonFile: string): Record<string, string[]> {
  const program = [
    'import ast, importlib.metadata as md, json, sys',
    'tree = ast.parse(open(sys.argv[1]).read())',
    'modules = set()',
    'for node in ast.walk(tree):',
    '    if isinstance(node, ast.Import): modules.update(a.name.split(".")[0] for a in node.names)',
    '    elif isinstance(node, ast.ImportFrom) and node.level == 0: modules.add(node.module.split(".")[0])',
    'providers = md.packages_distributions()',
    'print(json.dumps({m: providers.get(m, []) for m in sorted(modules) if m not in sys.stdlib_module_names}))',
  ].join('\n')
  return JSON.parse(runPython(['-c', program, pythonFile])) as Record<string, string[]>
}

/** Imported modules whose distribution is not pinned (names compared case-insensitively, as pip does). */
export function unpinnedImports(pythonFile: string, pins: Map<string, string>): string[] {
  const pinned = new Set([...pins.keys()].map(name => name.toLowerCase()))
  return Object.entries(thirdPartyImports(pythonFile))
    .filter(([, distributions]) => !distributions.some(name => pinned.has(name.toLowerCase())))
    .map(([module, distributions]) => `${module} (from ${distributions.join(', ') || 'no installed distribution'})`)
}
