import net from 'node:net';

/**
 * Whether `host:port` can be listened on, tried before `npm start` builds or loads anything, so a
 * port already in use is a one-line answer that says how to choose another, not a stack trace
 * after a minute of building.
 */
export async function checkPort(host: string, port: number): Promise<{ ok: true } | { ok: false; message: string }> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', (err: NodeJS.ErrnoException) => {
      resolve({ ok: false, message: portProblem(host, port, err.code) });
    });
    server.listen({ host, port, exclusive: true }, () => {
      server.close(() => resolve({ ok: true }));
    });
  });
}

/** The words for a port that cannot be used, naming the way to pick another. */
export function portProblem(host: string, port: number, code: string | undefined): string {
  const other = port === 3001 ? 3002 : 3001;
  const why =
    code === 'EADDRINUSE'
      ? `Port ${port} on ${host} is already in use (another OpenPBM, or another program, is listening there).`
      : code === 'EACCES'
        ? `Port ${port} on ${host} needs privileges this user does not have.`
        : code === 'EADDRNOTAVAIL'
          ? `${host} is not an address of this machine (HOST=${host}).`
          : `Cannot listen on ${host}:${port} (${code ?? 'unknown error'}).`;
  return `${why}\nChoose another port, e.g.  PORT=${other} npm start`;
}
