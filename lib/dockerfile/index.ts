// Dockerfile knowledge and checks: pure TypeScript on top of dockerfile-ast, no DOM.
export { checkDockerfile } from './check'
export type { DockerfileProblem, ProblemCode, Severity } from './check'
export { code, describeAt } from './describe'
export type { DescribeOptions, DockerfileHover } from './describe'
export { findInstruction, INSTRUCTIONS } from './instructions'
export type { FlagInfo, InstructionKeyword, InstructionSpec, JsonForm } from './instructions'
export type { TextPosition, TextRange } from './text'
