/**
 * Tri-state values. Every fact an adapter cannot establish is an explicit `Unknown` carrying the
 * reason (an unresolved variable, a `!Ref` to a parameter without default, a plan's
 * "known after apply"), so a rule can never mistake "we could not tell" for "false".
 */
export interface Unknown {
  readonly kind: 'unknown';
  /** Why the value is unknown, shown to the user: "var.kms_key_arn has no default". */
  readonly reason: string;
}

/** A value that is known (T) or explicitly unknown. */
export type V<T> = T | Unknown;
/** A known boolean or an explicit unknown. */
export type Tri = V<boolean>;

export function unknown(reason: string): Unknown {
  return { kind: 'unknown', reason };
}

export function isUnknown(v: unknown): v is Unknown {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'unknown' && typeof (v as { reason?: unknown }).reason === 'string';
}

export function isKnown<T>(v: V<T> | undefined): v is T {
  return v !== undefined && !isUnknown(v);
}
