import type { Lang } from '../i18n/i18n';

/**
 * Human drug names from RxNorm's normalized names (docs/design.md#words-from-facts): brand or generic name,
 * strength and form — "Ozempic 0.25 or 0.5 mg/dose pen" for "0.25 MG, 0.5 MG Dose 1.5 ML semaglutide
 * 1.34 MG/ML Pen Injector [Ozempic]" — in English and Spanish. RxNorm's name stays available as
 * secondary text. Names that do not follow RxNorm's pattern are returned as they are.
 */

const FORMS: Record<string, { en: string; es: string }> = {
  'Auto-Injector': { en: 'auto-injector', es: 'autoinyector' },
  Cartridge: { en: 'cartridge', es: 'cartucho' },
  'Delayed Release Oral Capsule': { en: 'delayed-release capsule', es: 'cápsula de liberación retardada' },
  'Delayed Release Oral Tablet': { en: 'delayed-release tablet', es: 'tableta de liberación retardada' },
  'Extended Release Oral Tablet': { en: 'extended-release tablet', es: 'tableta de liberación prolongada' },
  'Extended Release Oral Capsule': { en: 'extended-release capsule', es: 'cápsula de liberación prolongada' },
  'Injectable Solution': { en: 'injection', es: 'solución inyectable' },
  Injection: { en: 'injection', es: 'inyección' },
  'Oral Capsule': { en: 'capsule', es: 'cápsula' },
  'Oral Tablet': { en: 'tablet', es: 'tableta' },
  'Oral Solution': { en: 'oral solution', es: 'solución oral' },
  'Pen Injector': { en: 'pen', es: 'pluma' },
  'Prefilled Syringe': { en: 'prefilled syringe', es: 'jeringa precargada' },
  'Sublingual Film': { en: 'sublingual film', es: 'película sublingual' },
  'Sublingual Tablet': { en: 'sublingual tablet', es: 'tableta sublingual' },
  'Topical Gel': { en: 'gel', es: 'gel' },
};
const FORM_NAMES = Object.keys(FORMS).sort((a, b) => b.length - a.length);

const UNITS: Record<string, { en: string; es: string }> = {
  MG: { en: 'mg', es: 'mg' },
  ML: { en: 'mL', es: 'mL' },
  MCG: { en: 'mcg', es: 'mcg' },
  UNT: { en: 'units', es: 'unidades' },
  ACTUAT: { en: 'actuation', es: 'aplicación' },
  MEQ: { en: 'mEq', es: 'mEq' },
};

const WORDS = {
  en: { or: 'or', perDose: 'mg/dose', actuations: 'actuations' },
  es: { or: 'o', perDose: 'mg/dosis', actuations: 'aplicaciones' },
};

/** "20.25 MG/ACTUAT" → "20.25 mg/actuation"; "100 UNT/ML" → "100 units/mL". */
function units(text: string, lang: Lang): string {
  return text.replace(/\b(MG|ML|MCG|UNT|ACTUAT|MEQ)\b/g, (u) => UNITS[u][lang]);
}

export interface HumanDrugName {
  /** "Ozempic 0.25 or 0.5 mg/dose pen", "lisinopril 10 mg tablet". */
  name: string;
  /** RxNorm's name, for secondary text (null when it says nothing more). */
  rxnormName: string | null;
  /** The first strength as a number, for sorting strengths numerically. */
  strengthValue: number;
}

export function humanDrugName(rxnormName: string | null | undefined, lang: Lang = 'en'): HumanDrugName {
  const raw = (rxnormName ?? '').trim();
  const w = WORDS[lang];
  let rest = raw;
  const brand = /\s*\[([^\]]+)\]$/.exec(rest);
  if (brand) rest = rest.slice(0, brand.index);
  const form = FORM_NAMES.find((f) => rest.endsWith(` ${f}`));
  if (!form) return { name: raw, rxnormName: null, strengthValue: firstNumber(raw) };
  rest = rest.slice(0, -form.length - 1);
  // Dose prefix ("0.25 MG, 0.5 MG Dose"): a pen that gives chosen doses.
  let doses: string | null = null;
  const dose = /^((?:[\d.]+ MG(?:, )?)+) Dose /.exec(rest);
  if (dose) {
    const values = dose[1].split(',').map((d) => d.replace(/MG/, '').trim());
    doses = `${values.join(` ${w.or} `)} ${w.perDose}`;
    rest = rest.slice(dose[0].length);
  }
  rest = rest.replace(/^\d+ HR /, '');
  // Package amount ("3 ML", "60 ACTUAT", "2500 MG") before the ingredient.
  let amount: string | null = null;
  const pack = /^([\d.]+) (ML|ACTUAT|MG) (?=[a-z])/.exec(rest);
  if (pack) {
    amount = pack[2] === 'ACTUAT' ? `${pack[1]} ${w.actuations}` : `${pack[1]} ${units(pack[2], lang)}`;
    rest = rest.slice(pack[0].length);
  }
  // What is left: "semaglutide 1.34 MG/ML" or "buprenorphine 8 MG / naloxone 2 MG".
  const parts = rest.split(' / ');
  const ingredients = parts.map((p) => p.replace(/\s[\d.]+\s.*$/, '')).join(' / ');
  const strengths = parts.map((p) => units((/\s([\d.]+\s.*)$/.exec(p)?.[1] ?? '').trim(), lang)).filter(Boolean);
  const who = brand ? brand[1] : ingredients;
  const strength = doses ?? (brand ? strengths.join(' / ') : null);
  const formWord = FORMS[form][lang];
  const core = brand || doses ? `${who} ${strength ?? ''}`.trim() : units(rest, lang);
  const named = lang === 'es' ? `${core.replace(/^(\S+) /, '$1, ')}` : core;
  let name =
    lang === 'es'
      ? `${brand || doses ? who : ingredients}, ${formWord} de ${strength ?? strengths.join(' / ')}`
      : `${named} ${formWord}`;
  if (amount && !doses) name += ` (${amount})`;
  return { name, rxnormName: raw === name ? null : raw, strengthValue: firstNumber(doses ?? strengths[0] ?? raw) };
}

/**
 * A drug-form group (RxNorm SCDF: ingredients and dose form, no strength), what an authorization
 * covers: "semaglutide Pen Injector" → "semaglutide pen" / "semaglutide, pluma". Names that do not
 * end in a known form are returned as they are.
 */
export function formGroupName(scdf: string | null | undefined, lang: Lang = 'en'): string {
  const raw = (scdf ?? '').trim();
  const form = FORM_NAMES.find((f) => raw.endsWith(` ${f}`));
  if (!form) return raw;
  const ingredients = raw.slice(0, -form.length - 1);
  return lang === 'es' ? `${ingredients}, ${FORMS[form].es}` : `${ingredients} ${FORMS[form].en}`;
}

function firstNumber(text: string): number {
  const m = /(\d+(?:\.\d+)?)/.exec(text);
  return m ? Number(m[1]) : Number.POSITIVE_INFINITY;
}

/** Orders drugs by their human name, strengths numerically (2.5 mg before 10 mg). */
export function compareDrugNames(a: string, b: string, lang: Lang = 'en'): number {
  const x = humanDrugName(a, lang);
  const y = humanDrugName(b, lang);
  const base = (n: HumanDrugName) =>
    n.name
      .replace(/[\d.]+.*$/, '')
      .trim()
      .toLowerCase();
  return base(x).localeCompare(base(y)) || x.strengthValue - y.strengthValue || x.name.localeCompare(y.name);
}
