import { ROLES, type Role } from '../shared/role-names.js';

export { ROLES, type Role };

export const CLINICIAN_ROLES: readonly Role[] = ['reviewer-pharmacist', 'reviewer-physician'];
export const STAFF_ROLES: readonly Role[] = [
  'intake',
  'reviewer-pharmacist',
  'reviewer-physician',
  'member-services',
  'admin',
];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The authenticated caller. `memberId` for members, `npi` for prescribers and pharmacies. */
export interface Principal {
  userId: string;
  username: string;
  role: Role;
  displayName?: string | null;
  credential?: string | null;
  memberId?: string | null;
  npi?: string | null;
  via: 'token' | 'api-key';
}

export const isStaff = (p: Principal) => STAFF_ROLES.includes(p.role);
