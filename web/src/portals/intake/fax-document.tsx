import { useText } from '../../i18n/i18n';
import { FileLink, InlineFile, Notice } from '../../ui/components';
import type { FaxItem } from './types';

const TEXT = {
  en: {
    title: 'Fax from {from}',
    open: 'Open the fax in a new tab',
    download: 'Download the fax (TIFF)',
    tiff: 'This fax is a TIFF image, which browsers cannot show here. Download it to read it.',
  },
  es: {
    title: 'Fax de {from}',
    open: 'Abrir el fax en otra pestaña',
    download: 'Descargar el fax (TIFF)',
    tiff: 'Este fax es una imagen TIFF que el navegador no puede mostrar. Descárguelo para leerlo.',
  },
};

/** The fax itself: a PDF inline, a TIFF as a download (browsers do not render TIFF). */
export function FaxDocument({ fax }: { fax: FaxItem }) {
  const t = useText(TEXT);
  const path = `/fax/inbound/${encodeURIComponent(fax.id)}/document`;
  if (fax.contentType === 'image/tiff') {
    return (
      <>
        <Notice>{t.tiff}</Notice>
        <FileLink path={path}>{t.download}</FileLink>
      </>
    );
  }
  return (
    <>
      <InlineFile path={path} contentType={fax.contentType} title={t.title.replace('{from}', fax.senderFax)} />
      <p>
        <FileLink path={path}>{t.open}</FileLink>
      </p>
    </>
  );
}
