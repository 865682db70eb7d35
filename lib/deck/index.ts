export { DEPRECATION_RULES } from './deprecations'
export type { DeprecationCode, DeprecationContext, DeprecationRule } from './deprecations'
export { fileContext, formatFinding, lintDeprecations } from './lint'
export type { DeprecationFinding } from './lint'
