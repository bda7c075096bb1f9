/**
 * A tiny static server for the built pages on 127.0.0.1 (random port). office.js is the
 * fake; axe-core is served from the same origin so the pages' CSP ('self') admits it.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import type { AddressInfo } from 'net';
import { ROOT, WEB_ROOT } from './build';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.json': 'application/json',
};

const ROUTES: Record<string, string> = {
  '/office-js/office.js': path.join(WEB_ROOT, 'fake-office.js'),
  '/__test/axe.min.js': path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'),
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** root: the folder served (the browser tests' build by default); port: 0 for any free one. */
export async function serveBuild(root: string = WEB_ROOT, port = 0): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = ROUTES[url.pathname] ?? path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root) && !Object.values(ROUTES).includes(file)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: listening } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${listening}`,
    // Browsers keep connections open: end them, or close() waits for them.
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
