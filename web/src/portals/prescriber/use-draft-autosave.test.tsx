import { act, cleanup, renderHook } from '@testing-library/react';
import type { QuestionnaireResponse } from '@medplum/fhirtypes';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError } from '../../api/client';
import { useDraftAutosave } from './use-draft-autosave';

const resp = (a1c: number): QuestionnaireResponse => ({
  resourceType: 'QuestionnaireResponse',
  status: 'in-progress',
  item: [{ linkId: 'a1c', answer: [{ valueDecimal: a1c }] }],
});
const savedView = (at: string) => ({ history: [{ action: 'answers-saved', at }] });

describe('useDraftAutosave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('saves once, a second after the last change, with the newest answers, and says when', async () => {
    const put = vi.spyOn(api, 'put').mockResolvedValue(savedView('2026-11-20T17:05:00.000Z'));
    const { result } = renderHook(() => useDraftAutosave('par_1', null, (r) => r));
    expect(result.current.state).toEqual({ kind: 'idle', savedAt: null });
    act(() => result.current.change(resp(7)));
    act(() => {
      vi.advanceTimersByTime(600);
    });
    act(() => result.current.change(resp(8.2)));
    expect(result.current.state.kind).toBe('pending');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1000);
    });
    expect(put).toHaveBeenCalledTimes(1);
    expect(put).toHaveBeenCalledWith('/pa-requests/par_1/answers', { answers: resp(8.2) });
    expect(result.current.state).toEqual({ kind: 'saved', savedAt: '2026-11-20T17:05:00.000Z' });
  });

  it('keeps the answers after a failed save and sends them again on the next try', async () => {
    const put = vi
      .spyOn(api, 'put')
      .mockRejectedValueOnce(new ApiError(503, { title: 'Service unavailable' }))
      .mockResolvedValue(savedView('2026-11-20T17:06:00.000Z'));
    const { result } = renderHook(() => useDraftAutosave('par_1', '2026-11-20T17:00:00.000Z', (r) => r));
    act(() => result.current.change(resp(9)));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1000);
    });
    expect(result.current.state).toMatchObject({ kind: 'error', savedAt: '2026-11-20T17:00:00.000Z' });
    await act(async () => {
      await result.current.flush();
    });
    expect(put).toHaveBeenCalledTimes(2);
    expect(put.mock.calls[1][1]).toEqual({ answers: resp(9) });
    expect(result.current.state).toEqual({ kind: 'saved', savedAt: '2026-11-20T17:06:00.000Z' });
  });

  it('stop() cancels a pending save (submit sends the answers itself)', async () => {
    const put = vi.spyOn(api, 'put').mockResolvedValue(savedView('2026-11-20T17:07:00.000Z'));
    const { result } = renderHook(() => useDraftAutosave('par_1', null, (r) => r));
    act(() => result.current.change(resp(7.5)));
    await act(async () => {
      await result.current.stop();
      await vi.advanceTimersByTimeAsync(2000);
    });
    expect(put).not.toHaveBeenCalled();
  });
});
