import { useEffect, useId, useRef, useState, type ReactNode, type SyntheticEvent } from 'react';
import type { ApiError } from '../api/client';
import { api } from '../api/client';
import { useSession } from '../app/session';
import { useLang } from '../i18n/i18n';
import { formatDuration, statusLabel, statusTone } from './format';
import { validityMessage } from './field-validity';
import type { ApiState } from './use-api';
import { problemText } from './problem-words';
import { useHandBackFocus } from './use-hand-back-focus';

const COMMON = {
  en: {
    loading: 'Loading…',
    retry: 'Try again',
    left: 'left',
    overdue: 'overdue',
    open: 'Open',
    close: 'Close',
    opening: 'Opening…',
  },
  es: {
    loading: 'Cargando…',
    retry: 'Intentar de nuevo',
    left: 'restante',
    overdue: 'vencida',
    open: 'Abrir',
    close: 'Cerrar',
    opening: 'Abriendo…',
  },
};

/** A page's heading gets focus when the page opens, so screen readers announce where you are. */
export function Page({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · OpenPBM`;
    ref.current?.focus();
  }, [title]);
  return (
    <section className="page">
      <div className="page-head">
        <h1 ref={ref} tabIndex={-1}>
          {title}
        </h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}

export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  const hid = useId();
  return (
    <section className="card" aria-labelledby={hid} id={id}>
      <h2 id={hid}>{title}</h2>
      {children}
    </section>
  );
}

export function ErrorBanner({ error, onRetry }: { error: ApiError | null | string; onRetry?: () => void }) {
  const { lang } = useLang();
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert">
      <span>{typeof error === 'string' ? error : problemText(error, lang)}</span>
      {onRetry ? (
        <button type="button" className="link-button" onClick={onRetry}>
          {COMMON[lang].retry}
        </button>
      ) : null}
    </div>
  );
}

export function Notice({ children, tone = 'info' }: { children: ReactNode; tone?: 'info' | 'success' | 'warning' }) {
  return (
    <div className={`banner banner-${tone}`} role="status">
      {children}
    </div>
  );
}

export function Loading({ label }: { label?: string }) {
  const { lang } = useLang();
  return (
    <p className="loading" role="status" aria-live="polite">
      {label ?? COMMON[lang].loading}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** Loading, error (with retry) and empty states for one API resource, in one place. */
export function Async<T>({
  state,
  children,
  empty,
  isEmpty,
}: {
  state: ApiState<T>;
  children: (data: T) => ReactNode;
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
}) {
  if (state.error) return <ErrorBanner error={state.error} onRetry={state.reload} />;
  if (state.data === undefined) return state.loading ? <Loading /> : null;
  if (empty !== undefined && isEmpty?.(state.data)) return <Empty>{empty}</Empty>;
  return <>{children(state.data)}</>;
}

export function StatusBadge({ status, label }: { status: string; label?: string }) {
  const { lang } = useLang();
  return <span className={`badge badge-${statusTone(status)}`}>{label ?? statusLabel(status, lang)}</span>;
}

/** Text input / select / textarea with its label, hint and error wired for screen readers. */
export function Field({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: string;
  error?: string | null;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const { lang } = useLang();
  const box = useRef<HTMLDivElement>(null);
  // The control the browser's constraint check found wrong (field-validity.ts), until it is right.
  const [invalid, setInvalid] = useState<HTMLInputElement | null>(null);
  const [, recheck] = useState(0);
  useEffect(() => {
    const div = box.current;
    if (!div) return;
    // `invalid` does not bubble, and React has no capture for it on a <div>: listen natively.
    const onInvalid = (e: Event) => setInvalid(e.target as HTMLInputElement);
    div.addEventListener('invalid', onInvalid, true);
    return () => div.removeEventListener('invalid', onInvalid, true);
  }, []);
  // Errors clear (or change) as the field is corrected, not only at the next submit. Through
  // React's events, so the update is batched with the field's own onChange.
  const onEdit = (e: SyntheticEvent) => {
    if (!invalid) return;
    if ((e.target as HTMLInputElement).validity?.valid) setInvalid(null);
    else recheck((n) => n + 1);
  };
  const shown = error || (invalid ? validityMessage(invalid, lang) : null);
  const describedBy = [hint ? hintId : null, shown ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div
      className={`field${shown ? ' field-invalid' : ''}`}
      ref={box}
      data-validates=""
      onInput={onEdit}
      onChange={onEdit}
    >
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': shown ? true : undefined })}
      {shown ? (
        <p className="field-error" id={errorId}>
          {shown}
        </p>
      ) : null}
    </div>
  );
}

/** Time left until `dueAt` on the server's clock, ticking every 30 s; overdue in red. */
export function DueIn({ dueAt }: { dueAt: string | null | undefined }) {
  const { clockOffsetMs } = useSession();
  const { lang } = useLang();
  const [now, setNow] = useState(() => Date.now() + clockOffsetMs);
  useEffect(() => {
    setNow(Date.now() + clockOffsetMs);
    const t = setInterval(() => setNow(Date.now() + clockOffsetMs), 30_000);
    return () => clearInterval(t);
  }, [clockOffsetMs]);
  if (!dueAt) return <span>—</span>;
  const left = new Date(dueAt).getTime() - now;
  const text = `${formatDuration(left, lang)} ${left < 0 ? COMMON[lang].overdue : COMMON[lang].left}`;
  return <span className={left < 0 ? 'due due-overdue' : left < 4 * 3_600_000 ? 'due due-soon' : 'due'}>{text}</span>;
}

/** Opens a protected PDF or image (bearer token) in a new tab. */
export function FileLink({ path, children }: { path: string; children: ReactNode }) {
  const { lang } = useLang();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="link-button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          // Open the tab synchronously (popup blockers), then point it at the file.
          const tab = window.open('', '_blank');
          try {
            const url = await api.fileUrl(path);
            if (tab) tab.location.href = url;
            else window.location.href = url;
          } catch (e) {
            tab?.close();
            setError(e instanceof Error ? e.message : String(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        {busy ? COMMON[lang].opening : children}
      </button>
      {error ? (
        <span className="field-error" role="alert">
          {' '}
          {error}
        </span>
      ) : null}
    </>
  );
}

/** Shows a protected PDF or image inline (reviewer attachments). */
export function InlineFile({ path, contentType, title }: { path: string; contentType: string; title: string }) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const frameRef = useRef<HTMLIFrameElement>(null);
  useHandBackFocus(frameRef, url);
  useEffect(() => {
    let revoke: string | null = null;
    api
      .fileUrl(path)
      .then((u) => {
        revoke = u;
        setUrl(u);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    return () => {
      if (revoke) URL.revokeObjectURL(revoke);
    };
  }, [path]);
  if (error) return <ErrorBanner error={error} />;
  if (!url) return <Loading />;
  if (contentType.startsWith('image/') && contentType !== 'image/tiff')
    return <img className="inline-file" src={url} alt={title} />;
  return <iframe ref={frameRef} className="inline-file" src={url} title={title} />;
}

export function KeyValues({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="kv">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}
