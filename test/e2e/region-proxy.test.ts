/**
 * A municipality reaches its members' git hosts through its proxy: `ideas region sync` runs git with the proxy
 * variables of the environment it was started in (src/io/git.ts), and with no others. No network: the proxy is a
 * loopback server that writes down the request it is sent and refuses it, so the member's fetch fails as a finding,
 * and the test sees where git tried to go.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRun, ideasAsync, parseJson } from '../helpers/cli.js';
import { writeRegionFile } from '../helpers/region.js';
import { makeTempRepo, removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

describe('region sync behind a proxy', () => {
  let proxy: net.Server;
  let port = 0;
  const asked: string[] = [];
  let region: string;

  beforeAll(async () => {
    proxy = net.createServer((socket) => {
      socket.on('error', () => undefined);
      socket.once('data', (chunk) => {
        asked.push(chunk.toString('latin1').split('\r\n')[0] ?? '');
        socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    port = (proxy.address() as net.AddressInfo).port;
    region = makeTempRepo();
    writeRegionFile(region, [
      { id: 'lidkoping', name: 'Lidköping', url: 'https://git.lidkoping.example.invalid/ideas.git' },
    ]);
  });

  afterAll(() => new Promise<void>((resolve) => proxy.close(() => resolve())));

  const sync = (env: Record<string, string>) =>
    ideasAsync(['region', 'sync', '--json', '--timeout', '30'], { cwd: region, env });

  it('fetches through the proxy https_proxy names, and names the member it could not fetch', async () => {
    const r = await sync({ https_proxy: `http://127.0.0.1:${port}`, no_proxy: '', NO_PROXY: '' });
    expect(r.code, describeRun(r)).toBe(1);
    expect(asked).toEqual(['CONNECT git.lidkoping.example.invalid:443 HTTP/1.1']);
    const doc = parseJson<{ members: { id: string; status: string }[] }>(r);
    expect(doc.members).toEqual([expect.objectContaining({ id: 'lidkoping', status: 'failed' })]);
  });

  it('goes around the proxy for the hosts no_proxy names', async () => {
    asked.length = 0;
    const r = await sync({ https_proxy: `http://127.0.0.1:${port}`, no_proxy: '.example.invalid' });
    expect(r.code, describeRun(r)).toBe(1);
    expect(asked).toEqual([]);
  });
});
