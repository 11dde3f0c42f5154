import type { AppContext } from '../app-context.js';
import { DomainError, invalid } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { hashApiKey, hashPassword, newApiKey } from './credentials.js';
import { findUserByUsername, insertApiKey, insertUser, type UserRow } from './identity.repo.js';
import { isRole, type Role } from '../platform/roles.js';
import { findMemberById } from '../members/index.js';
import { isValidNpi } from '../shared/npi.js';

export interface CreateUserOptions {
  username: string;
  password?: string;
  role: Role | string;
  displayName?: string;
  credential?: string;
  memberId?: string;
  npi?: string;
  /** Issue an API key (systems: pharmacies, ePA networks). The key is returned once, never stored. */
  withApiKey?: boolean;
  /** A fixed API key (demo data set only: its keys are published in the README). */
  apiKey?: string;
}

export async function createUser(
  ctx: AppContext,
  options: CreateUserOptions,
): Promise<{ user: UserRow; apiKey?: string }> {
  if (!/^[a-z0-9._-]{3,64}$/i.test(options.username))
    throw invalid('username', 'use 3–64 letters, digits, dot, dash or underscore');
  if (!isRole(options.role)) throw invalid('role', `unknown role "${options.role}"`);
  if (options.password !== undefined && options.password.length < 8)
    throw invalid('password', 'must be at least 8 characters');
  if (options.role === 'member' && !options.memberId) throw invalid('memberId', 'a member account needs the member id');
  if ((options.role === 'prescriber' || options.role === 'pharmacy') && !options.npi)
    throw invalid('npi', `a ${options.role} account needs an NPI`);
  if (options.npi !== undefined && !isValidNpi(options.npi)) throw invalid('npi', 'is not a valid NPI (check digit)');
  const db = ctx.database.db;
  if (options.memberId && !(await findMemberById(db, options.memberId)))
    throw invalid('memberId', `member ${options.memberId} does not exist`);
  if (await findUserByUsername(db, options.username))
    throw new DomainError('CONFLICT', `user ${options.username} already exists`);
  const user = await insertUser(db, {
    id: newId('usr', ctx.clock.now()),
    username: options.username,
    passwordHash: options.password ? await hashPassword(options.password) : null,
    role: options.role,
    displayName: options.displayName ?? null,
    credential: options.credential ?? null,
    memberId: options.memberId ?? null,
    npi: options.npi ?? null,
  });
  let apiKey: string | undefined;
  if (options.withApiKey || options.apiKey) {
    apiKey = options.apiKey ?? newApiKey();
    await insertApiKey(db, {
      id: newId('key', ctx.clock.now()),
      userId: user.id,
      keyHash: hashApiKey(apiKey),
      label: 'default',
    });
  }
  return { user, apiKey };
}
