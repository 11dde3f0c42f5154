import { useText } from '../../i18n/i18n';
import { Async, Page } from '../../ui/components';
import { useApi } from '../../ui/use-api';
import type { ApiAnswer } from '../../api/api-shapes';
import { TableBox } from '../../ui/table-box';

type LetterLanguages = ApiAnswer<'/api/v1/letter-languages', 'get'>;
type Status = LetterLanguages['items'][number]['status'];

const TEXT = {
  en: {
    title: 'Letter languages',
    intro:
      'Member letters are written from one resource file per language. A language a qualified translator has not reviewed is sent with the English letter attached, so the member always has a reviewed text.',
    empty: 'No letter languages are configured.',
    caption: 'Member-letter languages and their review status',
    language: 'Language',
    status: 'Review status',
    reviewer: 'Reviewed by',
    note: 'Note',
    sent: 'How letters are sent',
    source: 'Source text',
    reviewed: 'Reviewed',
    notReviewed: 'Not reviewed',
    withEnglish: 'With the English letter attached',
    alone: 'On its own',
    on: '{reviewer} on {date}',
  },
  es: {
    title: 'Idiomas de las cartas',
    intro:
      'Las cartas a los afiliados se escriben a partir de un archivo de recursos por idioma. Un idioma que un traductor calificado no ha revisado se envía con la carta en inglés adjunta, para que el afiliado siempre tenga un texto revisado.',
    empty: 'No hay idiomas de cartas configurados.',
    caption: 'Idiomas de las cartas a los afiliados y su estado de revisión',
    language: 'Idioma',
    status: 'Estado de revisión',
    reviewer: 'Revisado por',
    note: 'Nota',
    sent: 'Cómo se envían las cartas',
    source: 'Texto de origen',
    reviewed: 'Revisado',
    notReviewed: 'Sin revisar',
    withEnglish: 'Con la carta en inglés adjunta',
    alone: 'Sola',
    on: '{reviewer} el {date}',
  },
};

/** GET /letter-languages: each member-letter resource file, whether a translator reviewed it, and what that means for sending. */
export function LetterLanguagesPage() {
  const t = useText(TEXT);
  const languages = useApi<LetterLanguages>('/letter-languages');
  const statusText: Record<Status, string> = { source: t.source, reviewed: t.reviewed, 'not-reviewed': t.notReviewed };
  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      <Async state={languages} empty={t.empty} isEmpty={(d) => d.items.length === 0}>
        {(d) => (
          <TableBox label={t.caption} className="card">
            <table>
              <caption>{t.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.language}</th>
                  <th scope="col">{t.status}</th>
                  <th scope="col">{t.reviewer}</th>
                  <th scope="col">{t.sent}</th>
                  <th scope="col">{t.note}</th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((l) => (
                  <tr key={l.language} data-language={l.language}>
                    <th scope="row">
                      <span lang={l.language}>{l.name}</span>
                      <div className="muted">{l.englishName}</div>
                    </th>
                    <td>{statusText[l.status]}</td>
                    <td>
                      {l.reviewer && l.reviewedOn
                        ? t.on.replace('{reviewer}', l.reviewer).replace('{date}', l.reviewedOn)
                        : '—'}
                    </td>
                    <td>{l.englishAttached ? t.withEnglish : t.alone}</td>
                    <td>{l.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        )}
      </Async>
    </Page>
  );
}
