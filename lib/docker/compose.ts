// Moved to lib/compose/ (from-run.ts converts, yaml.ts writes the text). This re-export stays only
// until lib/docker/explain.ts and lib/docker/index.ts import from there (asked in /tmp/coord/engine-requests.md).
export { FLAG_MAPPINGS as COMPOSE_MAPPINGS } from '../compose/mappings'
export { toCompose } from '../compose/yaml'
