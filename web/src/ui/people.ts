import type { Lang } from '../i18n/i18n';
import type { Role } from '../../../src/shared/role-names';

/** Each account role as people read it (the admin's user list, and who did a step when the account has no name). */
export const ROLE_LABELS: { en: Record<Role, string>; es: Record<Role, string> } = {
  en: {
    member: 'Member',
    prescriber: 'Prescriber',
    pharmacy: 'Pharmacy',
    intake: 'Fax intake',
    'reviewer-pharmacist': 'Reviewer (pharmacist)',
    'reviewer-physician': 'Reviewer (physician)',
    'member-services': 'Member services',
    admin: 'Plan administrator',
  },
  es: {
    member: 'Afiliado',
    prescriber: 'Médico',
    pharmacy: 'Farmacia',
    intake: 'Recepción de faxes',
    'reviewer-pharmacist': 'Revisor (farmacéutico)',
    'reviewer-physician': 'Revisor (médico)',
    'member-services': 'Servicios al afiliado',
    admin: 'Administrador del plan',
  },
};

const WORDS = {
  en: { system: 'the system', ehr: "the prescriber's electronic health record", staff: 'plan staff' },
  es: { system: 'el sistema', ehr: 'el expediente médico electrónico del médico', staff: 'el personal del plan' },
};

/**
 * Who did a step of a case or appeal, as people read it (docs/design.md#words-from-facts: never a username):
 * the account's display name, or else what kind of account it was.
 */
export function actorLabel(h: { actor: string; actorName?: string | null; actorRole?: string | null }, lang: Lang) {
  const w = WORDS[lang];
  if (h.actor === 'system') return w.system;
  if (h.actorName) return h.actorName;
  if (h.actor.startsWith('ehr:') || h.actorRole === 'ehr-client') return w.ehr;
  const roles: Record<string, string> = ROLE_LABELS[lang];
  return (h.actorRole && roles[h.actorRole]) || w.staff;
}

/** The reviewer a case or appeal is assigned to, by name (the username stays in the API for "mine" and links). */
export function assigneeLabel(c: { assignedTo: string | null; assignedToName?: string | null }, lang: Lang) {
  return c.assignedTo ? (c.assignedToName ?? WORDS[lang].staff) : null;
}
