import { randomInt } from 'node:crypto';

/**
 * What a new password must be (NIST SP 800-63B §5.1.1.2: at least 8 characters, no composition
 * rules, up to 500 accepted here); it must also differ from the one it replaces. Returns the
 * problem, or null.
 */
export function newPasswordProblem(password: string, previous?: string): string | null {
  if (password.length < 8) return 'must be at least 8 characters';
  if (password.length > 500) return 'must be at most 500 characters';
  if (previous !== undefined && password === previous) return 'must differ from the current password';
  return null;
}

// No 0/O, 1/l/I: a temporary password is read aloud or typed from a note.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time password for an admin to hand over: 16 characters (≈ 93 bits), from the CSPRNG. */
export function generateTemporaryPassword(): string {
  let out = '';
  for (let i = 0; i < 16; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}
