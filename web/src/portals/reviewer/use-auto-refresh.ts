import { useEffect } from 'react';

/** Calls `reload` every `ms` while the screen is open (the queue changes as cases arrive and clocks run). */
export function useAutoRefresh(reload: () => void, ms = 60_000) {
  useEffect(() => {
    const timer = setInterval(reload, ms);
    return () => clearInterval(timer);
  }, [reload, ms]);
}
