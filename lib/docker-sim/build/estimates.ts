// How much a RUN adds to an image, for the commands beginners run most. These are ESTIMATES (installed sizes on
// linux/amd64 as of 2026, rounded): a simulated build cannot run pip or apt, and every figure derived from this
// table is labelled an estimate wherever it is shown. Files are the paths the install leaves, so a later
// `rm -rf` of one counts as wasted space that still ships in the earlier layer.

const MB = 1024 * 1024

/** Installed size of common Python packages (with the dependencies pip pulls in with them). */
export const PIP_PACKAGE_BYTES: Readonly<Record<string, number>> = {
  'flask': 4 * MB,
  'werkzeug': 1 * MB,
  'requests': 1 * MB,
  'redis': 1 * MB,
  'gunicorn': 1 * MB,
  'uvicorn': 2 * MB,
  'fastapi': 8 * MB,
  'django': 30 * MB,
  'numpy': 60 * MB,
  'pandas': 130 * MB,
  'scipy': 110 * MB,
  'scikit-learn': 160 * MB,
  'matplotlib': 40 * MB,
  'seaborn': 45 * MB,
  'jupyter': 100 * MB,
  'jupyterlab': 100 * MB,
  'psycopg': 3 * MB,
  'psycopg2-binary': 9 * MB,
  'sqlalchemy': 10 * MB,
  'pydantic': 7 * MB,
  'streamlit': 120 * MB,
  'torch': 4300 * MB,
  'tensorflow': 2000 * MB,
}
/** A package the table does not know. */
export const UNKNOWN_PIP_PACKAGE_BYTES = 2 * MB
/** Commands pip puts in /usr/local/bin with a package (its console scripts), so a container finds them on PATH. */
export const PIP_CONSOLE_SCRIPTS: Readonly<Record<string, readonly string[]>> = {
  flask: ['flask'],
  gunicorn: ['gunicorn'],
  uvicorn: ['uvicorn'],
  fastapi: ['fastapi', 'uvicorn'],
  django: ['django-admin'],
  jupyter: ['jupyter'],
  jupyterlab: ['jupyter', 'jupyter-lab'],
  streamlit: ['streamlit'],
  numpy: ['f2py'],
}
/** The program an apt or apk package installs under its own name (most do; these differ or add more). */
export const PACKAGE_PROGRAMS: Readonly<Record<string, readonly string[]>> = {
  'python3': ['python3'],
  'python3-pip': ['pip3'],
  'build-essential': ['gcc', 'g++', 'make'],
  'build-base': ['gcc', 'g++', 'make'],
  'postgresql-client': ['psql'],
  'ca-certificates': [],
  'libpq-dev': [],
}
/** pip's download cache (~/.cache/pip) holds the wheels: roughly a third of the installed size. */
export const PIP_CACHE_SHARE = 0.35

/** Debian/Ubuntu packages with what they pull in (apt-get install -y …). */
export const APT_PACKAGE_BYTES: Readonly<Record<string, number>> = {
  'python3': 60 * MB,
  'python3-pip': 90 * MB,
  'curl': 8 * MB,
  'wget': 4 * MB,
  'git': 40 * MB,
  'vim': 40 * MB,
  'nano': 2 * MB,
  'build-essential': 250 * MB,
  'gcc': 150 * MB,
  'libpq-dev': 10 * MB,
  'ca-certificates': 1 * MB,
  'postgresql-client': 15 * MB,
  'ffmpeg': 300 * MB,
}
export const UNKNOWN_APT_PACKAGE_BYTES = 10 * MB
/** `apt-get update`: the package lists written to /var/lib/apt/lists. */
export const APT_LISTS_BYTES = 20 * MB
export const APT_LISTS_PATH = '/var/lib/apt/lists'

/** Alpine packages (apk add …). */
export const APK_PACKAGE_BYTES: Readonly<Record<string, number>> = {
  'curl': 4 * MB,
  'git': 15 * MB,
  'bash': 2 * MB,
  'build-base': 200 * MB,
  'python3': 50 * MB,
}
export const UNKNOWN_APK_PACKAGE_BYTES = 5 * MB
/** `apk add` without --no-cache keeps its index in /var/cache/apk. */
export const APK_INDEX_BYTES = 2 * MB

/** `npm install` / `npm ci` for a small web app. */
export const NPM_INSTALL_BYTES = 80 * MB

export interface EstimatedFile {
  path: string
  bytes: number
  /** A program (mode 755): what a container then finds on its PATH. */
  executable?: boolean
}

export interface RunEstimate {
  /** Bytes the layer adds. */
  bytes: number
  files: EstimatedFile[]
  /** Paths the command deletes (`dir/*`: the directory's entries), from earlier layers or from itself. */
  removes: string[]
  /** What the figure is made of, for the view: "flask (estimate)". */
  parts: { what: string, bytes: number }[]
  /** false when no part of the command is in the table: the size is unknown, shown as such. */
  known: boolean
}

function words(command: string): string[] {
  return command.split(/\s+/).filter(Boolean)
}

/** Package names after `install`/`add`, skipping options and version pins (`flask==3.1.3` → flask). */
function packagesAfter(argv: string[], verbs: readonly string[]): string[] {
  const at = argv.findIndex(word => verbs.includes(word))
  if (at < 0)
    return []
  const names: string[] = []
  for (let i = at + 1; i < argv.length; i++) {
    const word = argv[i]!
    if (word === '-r' || word === '--requirement' || word === '-c' || word === '-t' || word === '--target') {
      i++
      continue
    }
    if (word.startsWith('-') || word === '.')
      continue
    names.push(word.replace(/^['"]|['"]$/g, '').replace(/\[.*$/, '').split(/[=<>~!;@]/)[0]!.toLowerCase())
  }
  return names
}

/** What `rm` deletes, as a path prefix: `dir/*` empties dir (its entries go), `dir` removes it. */
export function removedPrefix(target: string): string {
  return target.replace(/\/\*$/, '')
}

/** Requirement names in a requirements.txt text. */
export function requirementNames(text: string): string[] {
  return text.split(/\r?\n/)
    .map(line => line.replace(/#.*/, '').trim())
    .filter(line => line && !line.startsWith('-'))
    .map(line => line.replace(/\[.*$/, '').split(/[=<>~!;@ ]/)[0]!.toLowerCase())
}

/**
 * The estimated effect of one RUN command (shell form, `&&`/`;` chains read part by part). `readFile` gives files
 * the build copied earlier (for `pip install -r requirements.txt`), `python` the site-packages version directory.
 */
export function estimateRun(command: string, options: { readFile?: (path: string) => string | null, sitePackages?: string } = {}): RunEstimate {
  const estimate: RunEstimate = { bytes: 0, files: [], removes: [], parts: [], known: false }
  const sitePackages = options.sitePackages ?? '/usr/local/lib/python3/site-packages'
  const programs: string[] = []
  const add = (what: string, path: string, bytes: number) => {
    estimate.files.push({ path, bytes })
    estimate.parts.push({ what, bytes })
    estimate.known = true
  }
  for (const part of command.split(/&&|\|\||;/).map(text => text.trim()).filter(Boolean)) {
    const argv = words(part)
    const program = argv[0] ?? ''
    if (/^(?:pip3?|python3?)$/.test(program) && argv.includes('install')) {
      const names = packagesAfter(argv, ['install'])
      const requirementsAt = argv.findIndex(word => word === '-r' || word === '--requirement')
      if (requirementsAt >= 0) {
        const text = options.readFile?.(argv[requirementsAt + 1] ?? '') ?? null
        if (text !== null)
          names.push(...requirementNames(text))
      }
      let installed = 0
      for (const name of names) {
        const bytes = PIP_PACKAGE_BYTES[name] ?? UNKNOWN_PIP_PACKAGE_BYTES
        installed += bytes
        add(`${name} (pip)`, `${sitePackages}/${name}`, bytes)
        programs.push(...(PIP_CONSOLE_SCRIPTS[name] ?? []).map(script => `/usr/local/bin/${script}`))
      }
      if (!argv.includes('--no-cache-dir') && installed > 0)
        add('pip\'s download cache', '/root/.cache/pip', Math.round(installed * PIP_CACHE_SHARE))
    }
    else if (program === 'apt-get' || program === 'apt') {
      if (argv.includes('update'))
        add('apt package lists', APT_LISTS_PATH, APT_LISTS_BYTES)
      for (const name of packagesAfter(argv, ['install'])) {
        add(`${name} (apt)`, `/usr/share/doc/${name}`, APT_PACKAGE_BYTES[name] ?? UNKNOWN_APT_PACKAGE_BYTES)
        programs.push(...(PACKAGE_PROGRAMS[name] ?? [name]).map(program => `/usr/bin/${program}`))
      }
    }
    else if (program === 'apk' && argv.includes('add')) {
      for (const name of packagesAfter(argv, ['add'])) {
        add(`${name} (apk)`, `/usr/share/apk/${name}`, APK_PACKAGE_BYTES[name] ?? UNKNOWN_APK_PACKAGE_BYTES)
        programs.push(...(PACKAGE_PROGRAMS[name] ?? [name]).map(program => `/usr/bin/${program}`))
      }
      if (!argv.includes('--no-cache'))
        add('apk index', '/var/cache/apk', APK_INDEX_BYTES)
    }
    else if (program === 'npm' && (argv[1] === 'install' || argv[1] === 'ci' || argv[1] === 'i')) {
      add('node_modules (npm)', 'node_modules', NPM_INSTALL_BYTES)
    }
    else if (program === 'rm') {
      for (const target of argv.slice(1).filter(word => !word.startsWith('-')))
        estimate.removes.push(target.replace(/(.)\/$/, '$1'))
    }
  }
  // What this RUN deletes of its own files never reaches its layer.
  const removed = (path: string) => estimate.removes.map(removedPrefix).some(prefix => path === prefix || path.startsWith(`${prefix}/`))
  const parts = estimate.parts.filter((_, i) => !removed(estimate.files[i]!.path))
  estimate.files = estimate.files.filter(file => !removed(file.path))
  estimate.parts = parts
  // The programs the packages bring, their bytes counted with the package.
  for (const path of new Set(programs))
    estimate.files.push({ path, bytes: 0, executable: true })
  estimate.bytes = estimate.files.reduce((sum, file) => sum + file.bytes, 0)
  return estimate
}
