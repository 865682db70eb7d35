// Checks that a requirements.txt is honest: exact, current pins (not below a stated floor) that cover what
// the app imports. The pins are what a student's `docker build` installs; the tests run the code with
// Debian's older Flask and numpy, whose APIs the snippets share, and with the pinned versions themselves
// when an interpreter that has them is at hand.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { installedVersions, parseRequirements, PYTHON, runPython } from './processes'

export function readPins(file: string): Map<string, string> {
  return parseRequirements(readFileSync(file, 'utf8'), file)
}

/** Pinned versions that differ from what an interpreter has installed, as readable lines. */
export function pinsDifferingFromInstalled(pins: Map<string, string>, python: string = PYTHON): string[] {
  const installed = installedVersions([...pins.keys()], python)
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

/** A release version as numbers ("3.1.10" → [3, 1, 10]); throws on anything else (pre-releases, local tags). */
export function releaseNumbers(version: string, where: string): number[] {
  if (!/^\d+(?:\.\d+)*$/.test(version))
    throw new Error(`${where}: "${version}" is not a final release version (digits and dots)`)
  return version.split('.').map(Number)
}

/** Negative, zero or positive as version a is older than, equal to or newer than b. */
export function compareReleases(a: number[], b: number[]): number {
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0)
    if (difference !== 0)
      return difference
  }
  return 0
}

/** Pins below their floor, or with no floor at all, as readable lines. */
export function pinsBelowFloor(pins: Map<string, string>, floors: Readonly<Record<string, { minimum: string, why: string }>>): string[] {
  return [...pins].flatMap(([name, version]) => {
    const floor = Object.entries(floors).find(([floorName]) => floorName.toLowerCase() === name.toLowerCase())?.[1]
    if (!floor)
      return [`${name}==${version}: no floor stated in pin-floors.ts (add one, with why)`]
    const pinned = releaseNumbers(version, name)
    return compareReleases(pinned, releaseNumbers(floor.minimum, `${name} floor`)) < 0
      ? [`${name}==${version} is older than ${floor.minimum}: ${floor.why}`]
      : []
  })
}

/**
 * An interpreter that has exactly the pinned versions installed ($PINNED_PYTHON, else `python3` on PATH
 * when it is not Debian's), or null when none is at hand.
 */
export function interpreterWithPins(pins: Map<string, string>): string | null {
  const onPath = spawnSync('sh', ['-c', 'command -v python3'], { encoding: 'utf8' }).stdout.trim()
  const candidates = [process.env.PINNED_PYTHON, onPath].filter((path): path is string => Boolean(path) && path !== PYTHON)
  return candidates.find((python) => {
    try {
      return pinsDifferingFromInstalled(pins, python).length === 0
    }
    catch {
      return false
    }
  }) ?? null
}
