import type { FactDefinition } from './criteria-set.js';
import { translationElement, translationOf, type PrimitiveElement } from './fhir-translation.js';

/**
 * A computed fact in words, for the screens that show the values the criteria used (docs/design.md#reviewer-screen):
 * the criteria set's own `label` and its translations (`_label`) when it has them, else words made from the
 * fact's definition ("Age (years)", "Days of metformin in the last 90 days"). Always English and Spanish,
 * so no screen shows the name rules use (`metforminDays365`). Pure: the server sends it, any screen reads it.
 */
export function factWords(f: FactDefinition): { name: string; label: string; _label: PrimitiveElement } {
  const made = madeWords(f);
  // The set's own Spanish when it has one; else the made words, beside any other language the set translated.
  const _label = translationOf(f._label, 'es')
    ? f._label!
    : { extension: [...(f._label?.extension ?? []), ...(translationElement({ es: made.es }).extension ?? [])] };
  return { name: f.name, label: f.label?.trim() ? f.label : made.en, _label };
}

function madeWords(f: FactDefinition): { en: string; es: string } {
  switch (f.kind) {
    case 'member-age':
      return { en: 'Age (years)', es: 'Edad (años)' };
    case 'member-sex':
      return { en: 'Sex on record', es: 'Sexo registrado' };
    case 'days-supply-filled': {
      const drugs = [...(f.ingredients ?? []), ...(f.drugClasses ?? [])];
      const year = f.lookbackDays === 365;
      const en = `Days of ${drugs.join(' or ')} in the last ${year ? 'year' : `${f.lookbackDays} days`}`;
      const es = `Días de ${drugs.join(' o ')} en ${year ? 'el último año' : `los últimos ${f.lookbackDays} días`}`;
      return f.excludeRequestedGroup
        ? { en: `${en} (not the requested drug)`, es: `${es} (sin contar el medicamento pedido)` }
        : { en, es };
    }
  }
}
