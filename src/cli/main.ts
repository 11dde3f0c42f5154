import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { IMPORT_KINDS } from '../operator-imports/run-import.js';
import { MEMBER_COLUMNS } from '../members/import-members.js';
import { PHARMACY_COLUMNS } from '../members/import-pharmacies.js';
import { PRESCRIBER_COLUMNS } from '../members/import-prescribers.js';
import { DomainError } from '../platform/errors.js';
import { openCliContext } from './cli-context.js';
import { ncpdpDecode, ncpdpSend } from './ncpdp-commands.js';
import { epaSimulate } from './epa-commands.js';
import { partitionsCommand } from './partition-commands.js';
import {
  demoLoadCommand,
  importCommand,
  importsListCommand,
  usersAddCommand,
  usersListCommand,
  type Out,
} from './commands.js';

const USAGE = `OpenPBM operator commands:  npm run cli -- <command>

  migrate                              apply database migrations
  import <kind> <file> [--source <name>] [--processor <id>] [--json]
                                       load a reference-data file; kinds: ${IMPORT_KINDS.join(', ')}
                                       (--processor: qhp-plans only, the processor that adjudicates them)
  imports list [--kind <kind>] [--limit <n>] [--json]
  users add --username <u> --role <role> [--password <p>] [--member-id <id>] [--npi <npi>]
            [--api-key] [--display-name <name>] [--credential <PharmD|MD|…>]
  users list
  demo load                            load the demo data set (idempotent) and print its logins
  partitions list | ahead | detach-expired
                                       monthly partitions of claims and audit events: list them,
                                       create this month's and PARTITION_MONTHS_AHEAD more, or
                                       detach (never drop) months past CLAIMS_RETENTION_YEARS /
                                       AUDIT_RETENTION_YEARS for archive (docs/scaling.md)
  ncpdp decode <file>                  an NCPDP D.0 transmission (or batch file) as readable JSON
  ncpdp send --to <url> [--key <k>] <file>
                                       send a D.0 transmission to a running OpenPBM and print the
                                       decoded response; url: http(s)://host:port (POST
                                       /api/v1/ncpdp/telecom) or tcp://host:port (NCPDP_PORT);
                                       key: a pharmacy API key (or OPENPBM_API_KEY)
  epa simulate --prescriber <npi> --member <id> --ndc <ndc> [--dob <YYYY-MM-DD>] [--to <url>]
               [--key <hub key>] [--answers <file.json>] [--listen <port>] [--wait <seconds>]
                                       play the EHR side of SCRIPT ePA against a running OpenPBM:
                                       initiation, the question set (file or prompts), PARequest,
                                       and the decision (PANotification on --listen, else polling);
                                       docs/epa-script.md
  help

Files: drug-catalog = CSV like reference-data/drugs.csv; qhp-plans / qhp-drugs = CMS QHP plans.json /
drugs.json; plan-bundle = openpbm-plans/1 JSON (docs/plan-bundle-format.md); CSV columns:
  members:     ${MEMBER_COLUMNS.join(',')}
  prescribers: ${PRESCRIBER_COLUMNS.join(',')}
  pharmacies:  ${PHARMACY_COLUMNS.join(',')}

The database comes from the environment like the server's (DATABASE_URL, else the embedded
database in DATA_DIR, default ./data). Stop the server before using the embedded database.
Exit status: 0 done (rejected rows are listed in the summary), 1 error.`;

const OPTIONS = {
  source: { type: 'string' },
  processor: { type: 'string' },
  json: { type: 'boolean' },
  kind: { type: 'string' },
  limit: { type: 'string' },
  username: { type: 'string' },
  role: { type: 'string' },
  password: { type: 'string' },
  'member-id': { type: 'string' },
  npi: { type: 'string' },
  'api-key': { type: 'boolean' },
  'display-name': { type: 'string' },
  credential: { type: 'string' },
  to: { type: 'string' },
  key: { type: 'string' },
  prescriber: { type: 'string' },
  member: { type: 'string' },
  ndc: { type: 'string' },
  dob: { type: 'string' },
  answers: { type: 'string' },
  listen: { type: 'string' },
  wait: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function runCli(argv: string[], out: Out): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    out.err.write(`error: ${(err as Error).message}\n\n${USAGE}\n`);
    return 1;
  }
  const [command, sub, ...rest] = parsed.positionals;
  const v = parsed.values;
  if (!command || command === 'help' || v.help) {
    out.log(USAGE);
    return command || v.help ? 0 : 1;
  }
  if (command === 'ncpdp') {
    // Works on files and over the network: no database needed.
    if (sub === 'decode') ncpdpDecode(out, rest[0]);
    else if (sub === 'send') await ncpdpSend(out, { file: rest[0], to: v.to, key: v.key });
    else throw new DomainError('VALIDATION_FAILED', 'usage: ncpdp decode <file> | ncpdp send --to <url> <file>');
    return 0;
  }
  if (command === 'epa') {
    // Plays an EHR over the network: no database needed.
    if (sub !== 'simulate')
      throw new DomainError('VALIDATION_FAILED', 'usage: epa simulate --prescriber <npi> --member <id> --ndc <ndc>');
    await epaSimulate(out, v);
    return 0;
  }
  const known = ['migrate', 'import', 'imports', 'users', 'demo', 'partitions'];
  if (!known.includes(command)) {
    out.err.write(`error: unknown command "${command}"\n\n${USAGE}\n`);
    return 1;
  }
  const ctx = await openCliContext(loadConfig());
  try {
    switch (command) {
      case 'migrate':
        out.log(`Migrations applied (${ctx.database.kind}).`);
        break;
      case 'import':
        await importCommand(ctx, out, {
          kind: sub,
          file: rest[0],
          source: v.source,
          processor: v.processor,
          json: v.json,
        });
        break;
      case 'imports':
        if (sub !== 'list')
          throw new DomainError('VALIDATION_FAILED', 'usage: imports list [--kind <kind>] [--limit <n>]');
        await importsListCommand(ctx, out, { kind: v.kind, limit: v.limit, json: v.json });
        break;
      case 'users':
        if (sub === 'add') await usersAddCommand(ctx, out, v);
        else if (sub === 'list') await usersListCommand(ctx, out);
        else throw new DomainError('VALIDATION_FAILED', 'usage: users add --username <u> --role <role> … | users list');
        break;
      case 'demo':
        if (sub !== 'load') throw new DomainError('VALIDATION_FAILED', 'usage: demo load');
        await demoLoadCommand(ctx, out, { json: v.json });
        break;
      case 'partitions':
        await partitionsCommand(ctx, out, sub);
        break;
    }
    return 0;
  } finally {
    await ctx.database.close();
  }
}

function describeError(err: unknown): string {
  if (err instanceof DomainError) {
    const fields = err.errors
      .filter((e) => `${e.path}: ${e.message}` !== err.message)
      .slice(0, 20)
      .map((e) => `\n  ${e.path}: ${e.message}`)
      .join('');
    return `error (${err.code}): ${err.message}${fields}`;
  }
  if (err instanceof ConfigError) return `configuration error: ${err.message}`;
  return `error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
}

// Run only as the entry point (tests import runCli).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out: Out = { log: (text) => process.stdout.write(`${text}\n`), err: process.stderr };
  runCli(process.argv.slice(2), out).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`${describeError(err)}\n`);
      process.exit(1);
    },
  );
}
