import { useEffect, useState } from 'react';

const QUERY = '(max-width: 640px)';
const matches = () => typeof window.matchMedia === 'function' && window.matchMedia(QUERY).matches;

/** True on phone-width screens, where wide tables become stacked cards. */
export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(matches);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const mq = window.matchMedia(QUERY);
    const onChange = () => setNarrow(mq.matches);
    mq.addEventListener('change', onChange);
    onChange();
    return () => mq.removeEventListener('change', onChange);
  }, []);
  return narrow;
}
