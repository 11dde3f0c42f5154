import { useText } from '../../i18n/i18n';
import { Async, Page, Section } from '../../ui/components';
import { useApi } from '../../ui/use-api';
import { AppealQueue } from './appeal-queue';
import { CaseQueue } from './case-queue';
import { QUEUE_TEXT } from './queue-text';
import type { AppealSummary, ReviewQueue } from '../../api/types';
import { useAutoRefresh } from './use-auto-refresh';

/** The reviewer's home: open PA cases and open appeals, each ordered by due time, refreshed every minute. */
export function ReviewQueuePage() {
  const t = useText(QUEUE_TEXT);
  const queue = useApi<ReviewQueue>('/review-queue');
  const appeals = useApi<{ items: AppealSummary[] }>('/appeals', { status: 'submitted,in-review' });
  useAutoRefresh(queue.reload);
  useAutoRefresh(appeals.reload);
  return (
    <Page
      title={t.title}
      actions={
        <button
          type="button"
          onClick={() => {
            queue.reload();
            appeals.reload();
          }}
          disabled={queue.loading || appeals.loading}
        >
          {t.refresh}
        </button>
      }
    >
      <p className="muted">{t.refreshed}</p>
      <Section title={t.cases}>
        <Async state={queue} empty={t.empty} isEmpty={(d) => d.items.length === 0}>
          {(d) => <CaseQueue items={d.items} />}
        </Async>
      </Section>
      <Section title={t.appeals}>
        <Async state={appeals} empty={t.emptyAppeals} isEmpty={(d) => d.items.length === 0}>
          {(d) => <AppealQueue items={d.items} />}
        </Async>
      </Section>
    </Page>
  );
}
