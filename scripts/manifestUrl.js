/**
 * The manifest is written for development (https://localhost:3000/). A production build
 * rewrites every URL to where the pages are hosted, as Microsoft's add-in template does.
 */
'use strict';

const DEV_URL = 'https://localhost:3000/';

/** "https://host/path" → "https://host/path/"; anything but https is refused (Office requires it). */
function normaliseAddinUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`ADDIN_URL is not a URL: "${url}"`);
  }
  if (parsed.protocol !== 'https:') throw new Error(`ADDIN_URL must start with https:// (Office loads add-ins only over https): "${url}"`);
  return parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/`;
}

function rewriteManifest(xml, addinUrl) {
  if (!addinUrl) return xml;
  return xml.split(DEV_URL).join(normaliseAddinUrl(addinUrl));
}

module.exports = { DEV_URL, normaliseAddinUrl, rewriteManifest };
