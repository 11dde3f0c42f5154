import { useText } from '../../i18n/i18n';
import { Async, Section } from '../../ui/components';
import type { ApiState } from '../../ui/use-api';
import { AppealsTable } from './appeals-table';
import type { AppealSummary, Items } from '../../api/types';

const TEXT = {
  en: { title: 'Appeals', none: 'No appeals for this member.' },
  es: { title: 'Apelaciones', none: 'No hay apelaciones para este afiliado.' },
};

export function MemberAppeals({ state }: { state: ApiState<Items<AppealSummary>> }) {
  const t = useText(TEXT);
  return (
    <Section title={t.title} id="appeals">
      <Async state={state} empty={t.none} isEmpty={(d) => d.items.length === 0}>
        {(d) => <AppealsTable items={d.items} />}
      </Async>
    </Section>
  );
}
