// A minimal static file server for dist/: correct types for .wasm, no
// caching, loopback only. Used by serve.sh, the Playwright tests and the
// load-time benchmark, so they all see the app exactly as built.
//
// With --compress it sends brotli (quality 11, made once per file) to
// browsers that accept it, as a real web server would: Lighthouse measures
// the app that way. The tests leave it off, so no test waits for it.
// Like any web host it names each file's version (an ETag from its
// contents) and answers "not modified" when the browser already has it, so
// a file is never sent twice to a browser that revalidates it; --no-etag
// leaves that out, as some hosts do (tests/bench/first-visit.mjs measures
// both).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const compress = args.includes('--compress');
const etags = !args.includes('--no-etag');
const [root = 'dist', port = '8080'] = args.filter((a) => !a.startsWith('--'));
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.webmanifest', '.svg']);
const compressed = new Map();
const base = resolve(root);
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

createServer(async (req, res) => {
  try {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) throw new Error('outside root');
    if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
    let body = await readFile(file);
    // Weak: the same contents may be sent compressed or not.
    const etag = `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    if (etags) headers.etag = etag;
    if (etags && req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    if (compress && compressible.has(extname(file)) && /\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
      const key = `${file}:${(await stat(file)).mtimeMs}`;
      if (!compressed.has(key)) {
        compressed.set(key, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
      body = compressed.get(key);
      headers['content-encoding'] = 'br';
      headers.vary = 'accept-encoding';
    }
    res.writeHead(200, headers);
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('Not found');
  }
}).listen(Number(port), '127.0.0.1', () => console.log(`Serving ${base} at http://127.0.0.1:${port}/`));
