// `docker build` in the simulated host: the pure plan (plan.ts), the progress output (progress.ts), the host side (build.ts).
export * from './build'
export * from './estimates'
export * from './layer-view'
export * from './plan'
export * from './progress'
