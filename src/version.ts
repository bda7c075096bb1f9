/**
 * The product's version. One source: package.json's "version". The browser build gets it from
 * webpack's DefinePlugin; under Node (jest, the compiled CLI) it is read from package.json at
 * run time. With the constant defined, webpack drops the other branch and never bundles fs.
 */
declare const __DVHT_VERSION__: string | undefined;

export const APP_VERSION: string =
  typeof __DVHT_VERSION__ === 'string'
    ? __DVHT_VERSION__
    : // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only under Node, so the browser bundle never holds the file reader
      (require('./node/packageVersion') as typeof import('./node/packageVersion')).packageVersion();
