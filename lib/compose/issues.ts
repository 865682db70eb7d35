// What can be wrong in a Compose file, one code per kind of mistake, each with the severity
// `docker compose config` gives it (an error stops Compose; a warning is printed and ignored).

import type { Issue, IssueSeverity } from '../text/issue'

/** One problem, at `[start, end)` offsets of the text it was found in (the project's one issue shape). */
export type ComposeIssue = Issue<ComposeIssueCode>

export const COMPOSE_ISSUE_CODES = {
  COMPOSE_YAML_SYNTAX: { severity: 'error', what: 'the text is not valid YAML' },
  COMPOSE_YAML_WARNING: { severity: 'warning', what: 'YAML that parses but probably not as meant' },
  COMPOSE_NOT_A_MAPPING: { severity: 'error', what: 'the file is not a mapping of top-level keys' },
  COMPOSE_UNKNOWN_KEY: { severity: 'error', what: 'a key the Compose Specification does not have' },
  COMPOSE_WRONG_TYPE: { severity: 'error', what: 'a value of the wrong kind (text, number, list, mapping)' },
  COMPOSE_MISSING_KEY: { severity: 'error', what: 'a key that must be there is missing' },
  COMPOSE_INVALID_VALUE: { severity: 'error', what: 'a value the schema does not allow (not one of the choices, wrong form)' },
  COMPOSE_DUPLICATE_ITEM: { severity: 'error', what: 'a list that must not repeat an item repeats one' },
  COMPOSE_OBSOLETE_VERSION: { severity: 'warning', what: '`version` is obsolete' },
  COMPOSE_NO_IMAGE: { severity: 'error', what: 'a service with neither image nor build' },
  COMPOSE_UNKNOWN_SERVICE: { severity: 'error', what: 'depends_on, links, network_mode, volumes_from or extends names a service that does not exist' },
  COMPOSE_DEPENDENCY_CYCLE: { severity: 'error', what: 'services that depend on each other in a circle' },
  COMPOSE_UNDECLARED_VOLUME: { severity: 'error', what: 'a named volume not declared under the top-level volumes' },
  COMPOSE_UNDECLARED_NETWORK: { severity: 'error', what: 'a network not declared under the top-level networks' },
  COMPOSE_UNDECLARED_SECRET: { severity: 'error', what: 'a secret not declared under the top-level secrets' },
  COMPOSE_UNDECLARED_CONFIG: { severity: 'error', what: 'a config not declared under the top-level configs' },
  COMPOSE_NETWORK_MODE_WITH_NETWORKS: { severity: 'error', what: 'network_mode and networks together' },
  COMPOSE_INVALID_HEALTHCHECK: { severity: 'error', what: 'healthcheck.test not starting with CMD, CMD-SHELL or NONE' },
  COMPOSE_DUPLICATE_MOUNT: { severity: 'error', what: 'two mounts on the same path in the container' },
  COMPOSE_SECRET_WITHOUT_SOURCE: { severity: 'error', what: 'a secret with neither file nor environment (and not external)' },
  COMPOSE_INVALID_INTERPOLATION: { severity: 'error', what: 'a ${…} Compose cannot read' },
  COMPOSE_REQUIRED_VARIABLE: { severity: 'error', what: 'a ${VAR:?message} whose variable is not set' },
  COMPOSE_COMMAND_SUBSTITUTION: { severity: 'error', what: '$(…) or `…` in a host path: Compose runs no command' },
  COMPOSE_UNESCAPED_DOLLAR: { severity: 'warning', what: '$(…) in a value: left as written for the container, better written $$(…)' },
  COMPOSE_INVALID_PORT: { severity: 'error', what: 'a port mapping docker would refuse' },
  COMPOSE_INVALID_VOLUME: { severity: 'error', what: 'a volume mount docker would refuse' },
} as const satisfies Record<string, { severity: IssueSeverity, what: string }>

export type ComposeIssueCode = keyof typeof COMPOSE_ISSUE_CODES

export function composeIssue(code: ComposeIssueCode, start: number, end: number, message: string, suggestion?: string): ComposeIssue {
  const issue: ComposeIssue = { code, severity: COMPOSE_ISSUE_CODES[code].severity, message, start, end }
  if (suggestion !== undefined)
    issue.suggestion = suggestion
  return issue
}

/** A path into the Compose data: keys and list indexes. */
export type DataPath = readonly (string | number)[]

/**
 * A problem found in the Compose data (after YAML and interpolation), placed by its path: the key
 * itself (`atKey`) or its value, optionally a part `[start, end)` of a text value.
 */
export interface DataProblem {
  code: ComposeIssueCode
  message: string
  path: DataPath
  atKey: boolean
  within?: readonly [number, number]
  suggestion?: string
}

/** Re-anchors issues found inside a part of a text that starts at `offset`. */
export function shiftIssues(issues: readonly ComposeIssue[], offset: number): ComposeIssue[] {
  return issues.map(issue => ({ ...issue, start: issue.start + offset, end: issue.end + offset }))
}
