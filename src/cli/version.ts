// Replaced at bundle time by esbuild's `define`; the fallback serves tests that import the source directly.
declare const __IMAGE_TRUST_VERSION__: string | undefined;

export const VERSION = typeof __IMAGE_TRUST_VERSION__ === 'string' ? __IMAGE_TRUST_VERSION__ : '0.0.0-dev';
