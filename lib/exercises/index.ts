export { advance, checkExercise, freshProgress } from './check'
export { exerciseById, EXERCISES } from './exercises'
export { baselineOf } from './query'
export type * from './types'
