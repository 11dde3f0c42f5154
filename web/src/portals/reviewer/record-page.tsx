import { useState, type ReactNode } from 'react';
import { Link } from '../../app/router';
import { Async, Notice, Page } from '../../ui/components';
import { useApi } from '../../ui/use-api';
import { useReveal } from '../../ui/use-reveal';

/**
 * The frame of a case or appeal page: loads the record, links back to the queue, and after an
 * action shows what was done (in words) and reloads the record.
 */
export function RecordPage<T>({
  title,
  back,
  path,
  children,
}: {
  title: string;
  back: string;
  path: string;
  children: (view: T, onDone: (message: string) => void) => ReactNode;
}) {
  const state = useApi<T>(path);
  // What an action did, with a counter so the same message twice is revealed twice.
  const [done, setDone] = useState<{ message: string; n: number } | null>(null);
  // After Submit the result is brought into view and focused (docs/design.md#forms-and-answers): the form that
  // was used may be gone (a decided case has none), and focus would fall back to the page.
  const revealRef = useReveal<HTMLDivElement>(done?.n);
  return (
    <Page title={title} actions={<Link to="/review">{back}</Link>}>
      <div ref={revealRef} tabIndex={-1} className="action-result">
        {done ? <Notice tone="success">{done.message}</Notice> : null}
      </div>
      <Async state={state}>
        {(view) =>
          children(view, (message) => {
            setDone((d) => ({ message, n: (d?.n ?? 0) + 1 }));
            state.reload();
          })
        }
      </Async>
    </Page>
  );
}
