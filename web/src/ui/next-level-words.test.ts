import { describe, expect, it } from 'vitest';
import { nextLevelName } from './next-level-words';

const IMR = 'Independent Medical Review (IMR) by the California Department of Managed Health Care (DMHC)';

describe('nextLevelName', () => {
  it.each([
    ['en', { nextLevel: IMR, nextLevelRoute: 'dmhcImr' as const }, IMR],
    [
      'es',
      { nextLevel: IMR, nextLevelRoute: 'dmhcImr' as const },
      'una Revisión Médica Independiente (IMR) del Departamento de Atención Médica Administrada de California (DMHC)',
    ],
    [
      'es',
      { nextLevel: 'State Fair Hearing', nextLevelRoute: 'stateFairHearing' as const },
      'una Audiencia Imparcial del Estado',
    ],
    [
      'es',
      { nextLevel: 'Reconsideration by the IRE', nextLevelRoute: 'partDIre' as const },
      'una reconsideración por la Entidad de Revisión Independiente (IRE)',
    ],
    // A plan whose line of business has no known route: its own words are the only name there is.
    ['es', { nextLevel: 'External review', nextLevelRoute: null }, 'External review'],
    // Overturned: nothing comes next.
    ['es', { nextLevel: null, nextLevelRoute: null }, null],
    ['en', { nextLevel: null }, null],
  ] as const)('%s: %j', (lang, appeal, expected) => {
    expect(nextLevelName(appeal, lang)).toBe(expected);
  });
});
