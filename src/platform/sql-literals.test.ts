import { describe, expect, it } from 'vitest';
import { sqlBytea, sqlLiteral } from './db.js';

// Literals for statements sent with the commit (TxDatabase.atCommit): a simple query has no
// parameters, so every value must come out as inert SQL text.
describe('sqlLiteral and sqlBytea', () => {
  it.each([
    [null, 'null'],
    [42, '42'],
    [Number.NaN, 'null'],
    ["O'Brien", "'O''Brien'"],
    ['back\\slash', " E'back\\\\slash'"],
    [new Date('2026-12-03T12:00:00.123Z'), "'2026-12-03T12:00:00.123Z'"],
  ])('%s → %s', (value, sql) => {
    expect(sqlLiteral(value)).toBe(sql);
  });

  it('writes bytes as a hex bytea literal with nothing but hex digits between the quotes', () => {
    expect(sqlBytea(Uint8Array.from([0, 0x27, 0x5c, 255]))).toBe("'\\x00275cff'::bytea");
  });
});
