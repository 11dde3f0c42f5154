/**
 * The portals speak the same JSON API as partners (docs/design.md#api): bearer token, problem+json errors.
 * Every failure becomes an ApiError whose message is words a person can read.
 */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: { path?: string; message: string }[];
  [key: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(describeProblem(status, problem));
  }
  get code() {
    return this.problem.code;
  }
}

export function describeProblem(status: number, problem: Problem): string {
  const main = problem.detail || problem.title || `The server answered ${status}.`;
  const fields = (problem.errors ?? []).map((e) =>
    e.path ? `${e.path.replace(/^\//, '').replace(/\//g, ' › ')}: ${e.message}` : e.message,
  );
  return fields.length ? `${main} (${fields.join('; ')})` : main;
}

const TOKEN_KEY = 'openpbm.token';
const ISSUED_KEY = 'openpbm.tokenIssued';
let unauthorizedListener: (() => void) | null = null;

/** The access token (per browser tab) and when it was issued, for refreshing it in time. */
export const tokenStore = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string, expiresInSeconds?: number) => {
    sessionStorage.setItem(TOKEN_KEY, token);
    if (expiresInSeconds)
      sessionStorage.setItem(ISSUED_KEY, JSON.stringify({ at: Date.now(), expiresInMs: expiresInSeconds * 1000 }));
  },
  issued: (): { at: number; expiresInMs: number } | null => {
    const raw = sessionStorage.getItem(ISSUED_KEY);
    return raw ? (JSON.parse(raw) as { at: number; expiresInMs: number }) : null;
  },
  clear: () => {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(ISSUED_KEY);
  },
};

/** Called when the API says the session has ended (401), so the app can ask to sign in again. */
export function onUnauthorized(listener: (() => void) | null) {
  unauthorizedListener = listener;
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** A request body sent as it is (an import file), with its own media type. */
class RawBody {
  constructor(
    readonly data: Blob | string,
    readonly contentType: string,
  ) {}
}

async function request<T>(method: string, path: string, body?: unknown, init: { raw?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const token = tokenStore.get();
  if (token) headers.authorization = `Bearer ${token}`;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body instanceof RawBody) {
    headers['content-type'] = body.contentType;
    payload = body.data;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, { method, headers, body: payload });
  } catch {
    throw new ApiError(0, { title: 'Cannot reach OpenPBM. Check your connection and try again.' });
  }
  if (res.status === 401 && token) unauthorizedListener?.();
  if (!res.ok) {
    let problem: Problem;
    try {
      problem = (await res.json()) as Problem;
    } catch {
      problem = { title: res.statusText };
    }
    throw new ApiError(res.status, problem);
  }
  if (init.raw) return (await res.blob()) as T;
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
  /** POST a file's bytes as the body (e.g. `/imports/{kind}` takes the CSV or JSON itself). */
  postFile: <T>(path: string, data: Blob | string, contentType: string) =>
    request<T>('POST', path, new RawBody(data, contentType)),
  upload: <T>(path: string, file: File, fields: Record<string, string> = {}) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', file);
    return request<T>('POST', path, form);
  },
  /** A protected file (letter PDF, attachment) as a blob URL the browser can show or open. */
  fileUrl: async (path: string) => URL.createObjectURL(await request<Blob>('GET', path, undefined, { raw: true })),
};
