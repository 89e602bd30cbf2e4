export declare const V8_FLAGS: readonly string[]
export declare const OUTPUT_V8_FLAGS: readonly string[]
export declare function tuneV8(): void
export declare function tuneV8ForOutput(): void
