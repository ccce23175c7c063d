// Trunk post-build hook: writes the service worker's list of files to
// precache (every file Trunk staged, with its hashed name) and a version
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

const swPath = join(dir, 'sw.js');
const template = readFileSync(swPath, 'utf8');
if (!template.includes('__PRECACHE__')) throw new Error('sw.js has no __PRECACHE__ placeholder');
writeFileSync(swPath, template.replace('__VERSION__', version).replace('__PRECACHE__', list));
console.log(`service worker: ${files.length} files precached, version ${version}`);
