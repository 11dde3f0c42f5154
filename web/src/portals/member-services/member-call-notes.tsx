import { useState } from 'react';
import { fill, useLang, useText } from '../../i18n/i18n';
import { Async, Notice, Section } from '../../ui/components';
import { formatDateTime } from '../../ui/format';
import type { ApiState } from '../../ui/use-api';
import { CallNotesList } from './call-notes-list';
import { RecordCallForm, type Related } from './record-call-form';
import type { Items } from '../../api/types';
import type { CallNote } from './types';

const TEXT = {
  en: { title: 'Call notes', none: 'No calls recorded for this member yet.', saved: 'Call note saved ({time}).' },
  es: {
    title: 'Notas de llamadas',
    none: 'Aún no hay llamadas registradas para este afiliado.',
    saved: 'Nota guardada ({time}).',
  },
};

export function MemberCallNotes({
  memberId,
  state,
  related,
}: {
  memberId: string;
  state: ApiState<Items<CallNote>>;
  related: Related;
}) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const [saved, setSaved] = useState<CallNote | null>(null);
  return (
    <Section title={t.title} id="call-notes">
      <RecordCallForm
        memberId={memberId}
        related={related}
        onSaved={(note) => {
          setSaved(note);
          state.reload();
        }}
      />
      <hr />
      {saved ? <Notice tone="success">{fill(t.saved, { time: formatDateTime(saved.recordedAt, lang) })}</Notice> : null}
      <Async state={state} empty={t.none} isEmpty={(d) => d.items.length === 0}>
        {(d) => <CallNotesList notes={d.items} />}
      </Async>
    </Section>
  );
}
