/**
 * What an unexpected error may put in a log line (docs/security.md#logs): its type, the
 * PostgreSQL SQLSTATE and constraint name, and the stack frames — never its message. Messages
 * carry values: drizzle's "Failed query: … params: M000123,1970-01-15", PostgreSQL's
 * `invalid input syntax for type date: "…"` and `Key (id)=(…) already exists`. Redaction by key
 * cannot catch values inside strings or arrays, so the message is simply not logged.
 */
export interface ErrorLogFields {
  error: {
    type: string;
    code: string | null;
    sqlState: string | null;
    constraint: string | null;
    frames: string[];
  };
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

export function errorLogFields(error: unknown): ErrorLogFields {
  const e = (error ?? {}) as {
    name?: unknown;
    code?: unknown;
    constraint?: unknown;
    stack?: unknown;
    cause?: { code?: unknown; constraint?: unknown };
  };
  const codes = [e.code, e.cause?.code].filter((c): c is string => typeof c === 'string');
  const sqlState = codes.find((c) => SQLSTATE.test(c)) ?? null;
  const constraint = [e.constraint, e.cause?.constraint].find((c): c is string => typeof c === 'string') ?? null;
  // The first stack line repeats the message; the frames ("    at fn (file:line:col)") hold no values.
  const frames =
    typeof e.stack === 'string'
      ? e.stack
          .split('\n')
          .filter((l) => /^\s+at /.test(l))
          .slice(0, 12)
          .map((l) => l.trim())
      : [];
  return {
    error: {
      type: error instanceof Error ? error.constructor.name : typeof error,
      code: codes.find((c) => !SQLSTATE.test(c)) ?? null,
      sqlState,
      constraint,
      frames,
    },
  };
}
