import type { Lang } from '../i18n/i18n';
import { pickWord, type Words } from './plain-words';

/**
 * How a PA request reached the plan (the case's `channel`), in every portal the same words:
 * "ePA" is what prescribers and hubs call electronic prior authorization (NCPDP SCRIPT).
 */
const CHANNELS: Words = {
  epa: { en: 'ePA', es: 'ePA' },
  portal: { en: 'Prescriber portal', es: 'Portal de médicos' },
  fax: { en: 'Fax', es: 'Fax' },
  pharmacy: { en: 'Pharmacy', es: 'Farmacia' },
  phone: { en: 'Phone', es: 'Teléfono' },
};

export const requestChannelLabel = (channel: string, lang: Lang) => pickWord(CHANNELS, channel, lang);
