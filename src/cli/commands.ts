import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppContext } from '../app-context.js';
import { loadDemoData } from '../demo/load-demo-data.js';
import { DEMO_ACCOUNTS_TEXT } from '../demo/demo-accounts.js';
import { createUser } from '../identity/create-user.js';
import { listUsers } from '../identity/index.js';
import { ROLES } from '../platform/roles.js';
import { listImportRuns } from '../imports/index.js';
import { IMPORT_KINDS, isImportKind, runImport } from '../operator-imports/run-import.js';
import { DomainError } from '../platform/errors.js';
import { formatSummary, progressReporter } from './format-summary.js';

export interface Out {
  log: (text: string) => void;
  err: NodeJS.WriteStream;
}

/** Who ran a CLI command, for import_runs and the audit trail: the operating-system user. */
const cliActor = () => ({ username: `cli:${os.userInfo().username}`, role: 'operator' });

export async function importCommand(
  ctx: AppContext,
  out: Out,
  args: { kind?: string; file?: string; source?: string; processor?: string; json?: boolean },
): Promise<void> {
  if (!args.kind || !isImportKind(args.kind))
    throw new DomainError('VALIDATION_FAILED', `import needs a kind: one of ${IMPORT_KINDS.join(', ')}`);
  if (!args.file) throw new DomainError('VALIDATION_FAILED', `import ${args.kind} needs a file path`);
  let text: string;
  try {
    text = readFileSync(args.file, 'utf8');
  } catch (err) {
    throw new DomainError('IMPORT_FAILED', `Cannot read ${args.file}: ${(err as Error).message}`);
  }
  const progress = progressReporter(`importing ${args.kind}`, out.err);
  try {
    const { runId, summary } = await runImport(ctx, args.kind, text, {
      actor: cliActor(),
      source: args.source ?? path.basename(args.file),
      processorId: args.processor,
      onProgress: progress.update,
    });
    progress.end();
    out.log(args.json ? JSON.stringify({ runId, ...summary }, null, 2) : formatSummary(summary, runId));
  } finally {
    progress.end();
  }
}

export async function importsListCommand(
  ctx: AppContext,
  out: Out,
  args: { kind?: string; limit?: string; json?: boolean },
): Promise<void> {
  const runs = await listImportRuns(ctx.database.db, { kind: args.kind, limit: args.limit ? Number(args.limit) : 20 });
  if (args.json) return out.log(JSON.stringify(runs, null, 2));
  if (!runs.length) return out.log('No import runs yet.');
  for (const r of runs) {
    const s = r.summary;
    const loaded = s
      ? Object.entries(s.loaded)
          .map(([k, n]) => `${n} ${k}`)
          .join(', ')
      : '';
    out.log(
      `${r.startedAt.toISOString()}  ${r.kind.padEnd(12)}  ${r.actor.padEnd(16)}  ${(r.source ?? '').padEnd(28)}  ${loaded}${s?.rejected.length ? `; ${s.rejected.length} rejected` : ''}`,
    );
  }
}

export interface UsersAddArgs {
  username?: string;
  role?: string;
  password?: string;
  'member-id'?: string;
  npi?: string;
  'api-key'?: boolean;
  'display-name'?: string;
  credential?: string;
}

export async function usersAddCommand(ctx: AppContext, out: Out, args: UsersAddArgs): Promise<void> {
  if (!args.username) throw new DomainError('VALIDATION_FAILED', 'users add needs --username');
  if (!args.role) throw new DomainError('VALIDATION_FAILED', `users add needs --role (${ROLES.join(', ')})`);
  // A person without a password could never sign in: make one up and show it once.
  const generated = !args.password && !args['api-key'] ? randomBytes(12).toString('base64url') : undefined;
  const { user, apiKey } = await createUser(ctx, {
    username: args.username,
    role: args.role,
    password: args.password ?? generated,
    memberId: args['member-id'],
    npi: args.npi,
    withApiKey: args['api-key'] ?? false,
    displayName: args['display-name'],
    credential: args.credential,
  });
  out.log(
    `Created ${user.role} ${user.username}${user.memberId ? ` (member ${user.memberId})` : ''}${user.npi ? ` (NPI ${user.npi})` : ''}.`,
  );
  if (generated) out.log(`Password (shown once): ${generated}`);
  if (apiKey) out.log(`API key (shown once; store it now): ${apiKey}`);
}

export async function usersListCommand(ctx: AppContext, out: Out): Promise<void> {
  for (const u of await listUsers(ctx.database.db)) {
    out.log(`${u.username.padEnd(24)} ${u.role.padEnd(20)} ${u.displayName ?? ''}${u.disabledAt ? ' (disabled)' : ''}`);
  }
}

export async function demoLoadCommand(ctx: AppContext, out: Out, args: { json?: boolean }): Promise<void> {
  const result = await loadDemoData(ctx, { onProgress: (step) => out.err.write(`demo: ${step}\n`) });
  if (args.json) return out.log(JSON.stringify(result, null, 2));
  for (const s of result.imports) out.log(formatSummary(s));
  out.log(
    `accounts created: ${result.accountsCreated.length ? result.accountsCreated.join(', ') : 'none (they exist already)'}`,
  );
  const living = result.living;
  if (living)
    out.log(
      living.loaded
        ? `living demo: ${living.claims.paid} paid and ${living.claims.rejected} rejected claims, cases, an appeal and a fax (${living.steps} steps)`
        : 'living demo: already loaded',
    );
  out.log('');
  out.log(DEMO_ACCOUNTS_TEXT);
}
