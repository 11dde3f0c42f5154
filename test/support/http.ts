import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

/** A small JSON client over app.inject (no sockets), bearer-authenticated. */
export class ApiClient {
  constructor(
    private readonly app: FastifyInstance,
    private readonly bearer?: string,
  ) {}

  static async login(app: FastifyInstance, username: string, password: string): Promise<ApiClient> {
    const r = await app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { username, password } });
    expect(r.statusCode, r.body).toBe(200);
    return new ApiClient(app, r.json().accessToken);
  }

  withKey(apiKey: string): ApiClient {
    return new ApiClient(this.app, apiKey);
  }

  async request<T = any>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const r = await this.app.inject({
      method,
      url: url.startsWith('/') ? url : `/api/v1/${url}`,
      headers: { ...(this.bearer ? { authorization: `Bearer ${this.bearer}` } : {}), ...headers },
      ...(payload === undefined
        ? {}
        : typeof payload === 'string' || Buffer.isBuffer(payload)
          ? { payload }
          : { payload: payload as object }),
    });
    const type = String(r.headers['content-type'] ?? '');
    return { status: r.statusCode, body: (type.includes('json') ? r.json() : r.body) as T, headers: r.headers };
  }

  get<T = any>(url: string) {
    return this.request<T>('GET', url);
  }
  /** A binary download (PDFs, attachments): status, content type and the bytes. */
  async getBytes(url: string): Promise<{ status: number; contentType: string; bytes: Buffer }> {
    const r = await this.app.inject({
      method: 'GET',
      url: `/api/v1/${url}`,
      headers: this.bearer ? { authorization: `Bearer ${this.bearer}` } : {},
    });
    return { status: r.statusCode, contentType: String(r.headers['content-type'] ?? ''), bytes: r.rawPayload };
  }
  post<T = any>(url: string, payload?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', url, payload ?? {}, headers);
  }
  put<T = any>(url: string, payload?: unknown) {
    return this.request<T>('PUT', url, payload ?? {});
  }
}

/** Asserts an RFC 9457 problem with the given status and code; returns it for more checks. */
export function expectProblem(reply: Reply, status: number, code: string) {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  expect(String(reply.headers['content-type'])).toContain('application/problem+json');
  expect(reply.body.code).toBe(code);
  expect(typeof reply.body.detail).toBe('string');
  return reply.body as {
    code: string;
    detail: string;
    errors: Array<{ path: string; message: string }>;
    [k: string]: unknown;
  };
}
