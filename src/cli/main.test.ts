import { describe, expect, it } from 'vitest';
import { formatSummary } from './format-summary.js';
import { runCli } from './main.js';

function capture() {
  const lines: string[] = [];
  const errs: string[] = [];
  const err = {
    write: (s: string) => {
      errs.push(s);
      return true;
    },
    isTTY: false,
  } as unknown as NodeJS.WriteStream;
  return { out: { log: (t: string) => lines.push(t), err }, lines, errs };
}

describe('operator CLI (no database needed)', () => {
  it('help prints the commands and the CSV columns; exit 0', async () => {
    const c = capture();
    expect(await runCli(['help'], c.out)).toBe(0);
    expect(c.lines.join('\n')).toMatch(/import <kind> <file>[\s\S]*members: {5}member_id,plan_id/);
  });

  it('no command, an unknown command or an unknown option → usage on stderr, exit 1', async () => {
    for (const argv of [[], ['frobnicate'], ['import', '--nope']]) {
      const c = capture();
      expect(await runCli(argv, c.out)).toBe(1);
      if (argv.length) expect(c.errs.join('')).toMatch(/error: /);
    }
  });

  it('formats a summary with rejected rows and warnings', () => {
    const text = formatSummary(
      {
        kind: 'members',
        source: 'm.csv',
        loaded: { members: 2 },
        rejected: [{ row: 3, id: 'A2', reason: 'plan_id "NOPE" is not a loaded plan' }],
        warnings: ['w1'],
      },
      'imp_1',
    );
    expect(text).toBe(
      [
        'members from m.csv (run imp_1)',
        '  loaded:   2 members',
        '  rejected: 1',
        '    row     3  A2  plan_id "NOPE" is not a loaded plan',
        '  warnings: 1',
        '    - w1',
      ].join('\n'),
    );
  });
});
