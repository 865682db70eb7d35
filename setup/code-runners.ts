import { defineCodeRunnersSetup } from '@slidev/types'
import { loadPythonInterpreter } from '../lib/python/load'
import { toRunnerOutputs } from '../lib/python/output'
import { runPython } from '../lib/python/run'

// `python {monaco-run}` blocks run in the browser with Pyodide, loaded on the first Run only.
export default defineCodeRunnersSetup(() => ({
  async python(code) {
    const interpreter = await loadPythonInterpreter(import.meta.env.BASE_URL)
    return toRunnerOutputs(await runPython(interpreter, code))
  },
}))
