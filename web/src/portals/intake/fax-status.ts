import type { Lang } from '../../i18n/i18n';

const LABELS: Record<string, { en: string; es: string }> = {
  new: { en: 'New — to file', es: 'Nuevo — por archivar' },
  'case-created': { en: 'Case created', es: 'Caso creado' },
  attached: { en: 'Filed with a case or appeal', es: 'Archivado en un caso o apelación' },
};

export const faxStatusLabel = (status: string, lang: Lang) => LABELS[status]?.[lang] ?? status;
/** Badge colour: new faxes wait for a person; filed ones are done. */
export const faxStatusTone = (status: string) => (status === 'new' ? 'awaiting-information' : 'approved');

export function formatSize(bytes: number): string {
  return bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${Math.round(bytes / 1024)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const documentKind = (contentType: string) =>
  contentType === 'image/tiff' ? 'TIFF' : contentType === 'application/pdf' ? 'PDF' : contentType;
