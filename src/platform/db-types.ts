import { customType } from 'drizzle-orm/pg-core';

/** PostgreSQL bytea as a Node Buffer (PGlite hands back Uint8Array, pg a Buffer). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});
