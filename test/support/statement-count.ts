import pg from 'pg';
import type { Database } from '../../src/platform/db.js';

export interface StatementLog {
  /** Round trips to the database since the log started (a multi-statement simple query is one). */
  readonly count: number;
  /** Their SQL text, in order (for the failure message of a budget test). */
  readonly texts: string[];
  stop(): void;
}

const PARSE = 0x50; // 'P': the first message of an extended-protocol query
const SIMPLE = 0x51; // 'Q': a simple query (begin, commit, multi-statement text)

/** The SQL text of a Parse or Query protocol message (for the log; never asserted on). */
function textOf(message: Uint8Array): string {
  const body = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
  // Parse: 'P' int32 len, statement name\0, query\0 …; Query: 'Q' int32 len, query\0
  let at = 5;
  if (message[0] === PARSE) at = body.indexOf(0, at) + 1;
  return body.toString('utf8', at, body.indexOf(0, at)).replace(/\s+/g, ' ').slice(0, 160);
}

/**
 * Counts the statements a piece of work sends to the database: on PostgreSQL every
 * `Client#query` (what one round trip is), on PGlite every Parse or simple Query message the
 * engine receives (transactions' BEGIN/COMMIT included). For budget tests: a cache or a folded
 * transaction that stops working shows as more statements.
 */
export function logStatements(database: Database): StatementLog {
  const texts: string[] = [];
  if (database.kind === 'postgres') {
    const original = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const q = args[0] as string | { text: string };
      texts.push((typeof q === 'string' ? q : q.text).replace(/\s+/g, ' ').slice(0, 160));
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
    return {
      get count() {
        return texts.length;
      },
      texts,
      stop: () => void (pg.Client.prototype.query = original),
    };
  }
  const engine = database.pglite!;
  const original = engine.execProtocolStream.bind(engine);
  engine.execProtocolStream = (message, options) => {
    if (message[0] === PARSE || message[0] === SIMPLE) texts.push(textOf(message));
    return original(message, options);
  };
  return {
    get count() {
      return texts.length;
    },
    texts,
    stop: () => void (engine.execProtocolStream = original),
  };
}
