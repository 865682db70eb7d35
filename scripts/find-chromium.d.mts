export const INSTALL_HINT: string
export function findChromium(env?: NodeJS.ProcessEnv): { path: string, source: string } | null
export function requireChromium(env?: NodeJS.ProcessEnv): string
