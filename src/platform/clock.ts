/**
 * Time is injected. Rules take `now` as a parameter; use cases get it from a Clock. The manual
 * clock exists for tests and the demo and can only be selected by configuration outside
 * production (see config.ts).
 */
export interface Clock {
  now(): Date;
  readonly kind: 'system' | 'manual';
}

export const systemClock: Clock = { kind: 'system', now: () => new Date() };

export class ManualClock implements Clock {
  readonly kind = 'manual' as const;
  private current: number;
  constructor(start: Date) {
    this.current = start.getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(instant: Date): void {
    this.current = instant.getTime();
  }
  advance(ms: number): void {
    if (ms < 0) throw new Error('a manual clock only moves forward');
    this.current += ms;
  }
}

/** YYYY-MM-DD of an instant in a given IANA time zone; "today" for a plan is planToday (plan-time.ts). */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
/**
 * Each zone's last answer and the second it was for: a request asks for today several times, and
 * formatting costs microseconds each (issue #11). Zone offsets are whole seconds, so a date
 * never changes within one.
 */
const lastDates = new Map<string, { second: number; date: string }>();
export function toLocalDate(instant: Date, timeZone: string): string {
  const second = Math.floor(instant.getTime() / 1000);
  const last = lastDates.get(timeZone);
  if (last && last.second === second) return last.date;
  let format = dateFormats.get(timeZone);
  if (!format) {
    // Building a DateTimeFormat is costly; one per zone. en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  const date = format.format(instant);
  lastDates.set(timeZone, { second, date });
  return date;
}

/** Parses an ISO 8601 duration limited to days/hours/minutes/seconds (PT25H, P2D, P1DT2H). */
export function parseDuration(text: string): number | null {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return null;
  const [, d, h, min, s] = m;
  return ((Number(d ?? 0) * 24 + Number(h ?? 0)) * 60 + Number(min ?? 0)) * 60_000 + Number(s ?? 0) * 1000;
}
