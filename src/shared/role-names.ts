/** The roles a user or API key can hold: one list for the server's checks and the admin portal's role picker. */
export const ROLES = [
  'member',
  'prescriber',
  'pharmacy',
  'intake',
  'reviewer-pharmacist',
  'reviewer-physician',
  'member-services',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];
