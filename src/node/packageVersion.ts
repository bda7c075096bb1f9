/**
 * package.json's version, for code running under Node: from the sources (src/node), the
 * compiled CLI (build/node/node) or an installed package, the nearest package.json of this
 * product is found by walking up from this file.
 */
import * as fs from 'fs';
import * as path from 'path';

const PACKAGE_NAME = 'dvht-excel';

export function packageVersion(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === PACKAGE_NAME && typeof pkg.version === 'string') return pkg.version;
    }
    if (path.dirname(dir) === dir) throw new Error(`${PACKAGE_NAME}: package.json not found above ${from}`);
  }
}
