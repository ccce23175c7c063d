// Trunk post-build hook: writes the service worker's list of files to
// precache (every file Trunk staged, with its hashed name), which of them
// have a content hash in their name (fetched with cache: 'force-cache', so
// what the page just downloaded is not downloaded again), and a version
// made from their contents, into the staged sw.js. Run by Trunk with
// TRUNK_STAGING_DIR set; never by hand.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: this runs as a Trunk post_build hook');

function walk(d) {
  return readdirSync(d).flatMap((name) => {
    const path = join(d, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const files = walk(dir)
  .map((path) => relative(dir, path).split(sep).join('/'))
  .filter((name) => name !== 'sw.js')
  .sort();
const hash = createHash('sha256');
for (const name of files) hash.update(name).update(readFileSync(join(dir, name)));
const version = hash.digest('hex').slice(0, 16);
const list = JSON.stringify(['./', ...files.map((f) => `./${f}`)], null, 2);
// Trunk names hashed files `<stem>-<hash>.<ext>` (and the wasm
// `<stem>-<hash>_bg.wasm`), the hash in hexadecimal without leading zeros,
// so usually 16 digits; fewer than 12 is a chance of 1 in 65,536, and such
// a file is simply downloaded again. Worker files are never hashed.
const contentHashed = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/;
const hashed = files.filter((f) => contentHashed.test(f)).map((f) => `./${f}`);
if (!hashed.some((f) => f.endsWith('.wasm'))) throw new Error('no content-hashed wasm among the built files');

const swPath = join(dir, 'sw.js');
const template = readFileSync(swPath, 'utf8');
for (const placeholder of ['__VERSION__', '__PRECACHE__', '__HASHED__']) {
  if (!template.includes(placeholder)) throw new Error(`sw.js has no ${placeholder} placeholder`);
}
writeFileSync(
  swPath,
  template.replace('__VERSION__', version).replace('__PRECACHE__', list).replace('__HASHED__', JSON.stringify(hashed)),
);
console.log(`service worker: ${files.length} files precached (${hashed.length} content-hashed), version ${version}`);
