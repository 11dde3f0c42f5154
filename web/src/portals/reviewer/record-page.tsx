import { useState, type ReactNode } from 'react';
import { Link } from '../../app/router';
import { Async, Notice, Page } from '../../ui/components';
import { useApi } from '../../ui/use-api';

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
  const [done, setDone] = useState<string | null>(null);
  return (
    <Page title={title} actions={<Link to="/review">{back}</Link>}>
      {done ? <Notice tone="success">{done}</Notice> : null}
      <Async state={state}>
        {(view) =>
          children(view, (message) => {
            setDone(message);
            state.reload();
          })
        }
      </Async>
    </Page>
  );
}
