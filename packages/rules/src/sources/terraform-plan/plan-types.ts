/** The parts of `terraform show -json` output this adapter reads. Everything is optional: a plan is untrusted input. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isJsonObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Deepest module nesting followed; deeper modules are reported, not walked (stack safety). */
export const MAX_MODULE_DEPTH = 64;
