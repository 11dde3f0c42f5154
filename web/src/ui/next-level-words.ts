import type { Lang } from '../i18n/i18n';

/** Who reviews after the plan's appeal (GET /appeals/{id}: nextLevelRoute), by the plan's line of business. */
export type NextLevelRoute = 'dmhcImr' | 'stateFairHearing' | 'partDIre';

/** The names the letters give the same routes (src/notices/letters: Knox-Keene IMR, Medicaid hearing, Part D IRE). */
const ROUTE_NAMES: Record<Exclude<Lang, 'en'>, Record<NextLevelRoute, string>> = {
  es: {
    dmhcImr:
      'una Revisión Médica Independiente (IMR) del Departamento de Atención Médica Administrada de California (DMHC)',
    stateFairHearing: 'una Audiencia Imparcial del Estado',
    partDIre: 'una reconsideración por la Entidad de Revisión Independiente (IRE)',
  },
};

/**
 * The next level of review a screen names (docs/design.md#portal-language): on English screens the
 * plan's own words; in another language the route's name in it, or the plan's words where the plan's
 * line of business has no known route (the only name there is).
 */
export function nextLevelName(
  a: { nextLevel: string | null; nextLevelRoute?: NextLevelRoute | null },
  lang: Lang,
): string | null {
  if (!a.nextLevel) return null;
  if (lang === 'en' || !a.nextLevelRoute) return a.nextLevel;
  return ROUTE_NAMES[lang][a.nextLevelRoute];
}
