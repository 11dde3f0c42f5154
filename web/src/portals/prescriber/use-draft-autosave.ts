import { useCallback, useEffect, useRef, useState } from 'react';
import type { QuestionnaireResponse } from '@medplum/fhirtypes';
import { api, type ApiError } from '../../api/client';
import { toApiError } from '../../ui/use-api';
import type { RequestView } from '../../api/types';

export type SaveState =
  | { kind: 'idle'; savedAt: string | null }
  | { kind: 'pending' | 'saving'; savedAt: string | null }
  | { kind: 'saved'; savedAt: string }
  | { kind: 'error'; savedAt: string | null; error: ApiError };

/** When the server last recorded a draft save (history "answers-saved"), for "Draft saved at …". */
export function lastDraftSave(view: Pick<RequestView, 'history'>): string | null {
  const saves = view.history.filter((h) => h.action === 'answers-saved');
  return saves.length ? saves[saves.length - 1].at : null;
}

/**
 * Saves draft answers (PUT /pa-requests/{id}/answers) one second after the last change, one save
 * at a time and always the newest answers. Pending changes are sent when the page is left inside
 * the app, and the browser warns before closing the tab while a save is outstanding.
 */
export function useDraftAutosave(
  caseId: string,
  initialSavedAt: string | null,
  prepare: (r: QuestionnaireResponse) => QuestionnaireResponse,
  delayMs = 1000,
) {
  const [state, setState] = useState<SaveState>({ kind: 'idle', savedAt: initialSavedAt });
  const latest = useRef<QuestionnaireResponse | null>(null);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const mounted = useRef(true);
  const prepareRef = useRef(prepare);
  prepareRef.current = prepare;

  const flush = useCallback((): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    chain.current = chain.current.then(async () => {
      if (!dirty.current || !latest.current) return;
      dirty.current = false;
      const answers = prepareRef.current(latest.current);
      if (mounted.current) setState((s) => ({ kind: 'saving', savedAt: s.savedAt }));
      try {
        const view = await api.put<RequestView>(`/pa-requests/${encodeURIComponent(caseId)}/answers`, { answers });
        if (mounted.current && !dirty.current)
          setState({ kind: 'saved', savedAt: lastDraftSave(view) ?? new Date().toISOString() });
      } catch (e) {
        dirty.current = true; // keep the answers for the next try
        if (mounted.current) setState((s) => ({ kind: 'error', savedAt: s.savedAt, error: toApiError(e) }));
      }
    });
    return chain.current;
  }, [caseId]);

  const change = useCallback(
    (next: QuestionnaireResponse) => {
      latest.current = next;
      dirty.current = true;
      setState((s) => (s.kind === 'error' ? s : { kind: 'pending', savedAt: s.savedAt }));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [flush, delayMs],
  );

  /** Stops autosave (before submit): nothing more is sent; resolves when any save in flight is done. */
  const stop = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    dirty.current = false;
    await chain.current;
  }, []);

  useEffect(() => {
    mounted.current = true;
    const warn = (e: BeforeUnloadEvent) => {
      if (dirty.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      mounted.current = false;
      if (dirty.current) void flush();
    };
  }, [flush]);

  return { state, change, flush, stop };
}
