/**
 * copyOf: a shallow copy of an object, to add keys to; the same keys in the same order as `{ ...obj }`.
 * Hot paths use it instead of a spread: on V8 (Node 20) a spread copy that then gets a key it lacked (in the
 * literal or by assignment) takes ~1 µs, about ten times Object.assign's copy and the same assignment.
 */
export function copyOf<T extends object>(obj: T | undefined): { -readonly [K in keyof T]: T[K] } {
  return Object.assign({}, obj)
}
