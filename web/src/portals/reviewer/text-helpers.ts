import { nameWithCredential } from '../../ui/plain-words';

/** Small text helpers of the reviewer screens (the API shapes are in web/src/api/types.ts). */

/** "Pat Nguyen, PharmD" without repeating a credential the display name already carries. */
export function personName(p: { name?: string | null; credential?: string | null } | null | undefined): string {
  return p?.name ? nameWithCredential(p.name, p.credential) : '—';
}

/** Reasons typed one per line → the API's list. */
export function reasonLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}
