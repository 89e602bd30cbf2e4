export declare const V8_FLAGS: readonly string[]
export declare function tuneV8(): void
