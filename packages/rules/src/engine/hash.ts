/**
 * A 64-bit FNV-1a style hash as hex, from two 32-bit lanes (Math.imul, no BigInt: this runs for
 * every finding of a 10,000-resource scan). Stable across runs and platforms; not cryptographic —
 * finding ids only need to be stable and practically unique. The engine runs in browsers too, so
 * no `crypto`.
 */
export function stableHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
