// Host names as the lists and checks need them: lower-case ASCII (punycode) form without `www.`,
// the parent domains a list entry may cover, and the "registrable" part a site owner controls.
// A compact suffix list stands in for the full Public Suffix List (≈100 KB): the generic TLDs need no
// entry, the multi-label country suffixes and the hosting platforms where anyone can get a subdomain do.

/** Platforms that hand out subdomains to anyone: `x.vercel.app` belongs to whoever made `x`. */
export const HOSTING_PLATFORMS: readonly string[] = [
  'vercel.app', 'pages.dev', 'netlify.app', 'github.io', 'gitlab.io', 'web.app', 'firebaseapp.com', 'herokuapp.com',
  'onrender.com', 'webflow.io', 'workers.dev', 'glitch.me', 'replit.app', 'repl.co', 'surge.sh', 'fleek.co',
  'on-fleek.app', 'ipfs.io', 'dweb.link', 'azurewebsites.net', 'wixsite.com', 'weebly.com', 'blogspot.com',
  'framer.app', 'framer.website', 'carrd.co', 'godaddysites.com', '000webhostapp.com', 'appspot.com',
  'cloudfront.net', 'amplifyapp.com', 'r2.dev', 'ngrok.io', 'ngrok-free.app', 'bubbleapps.io', 'wordpress.com',
  'tilda.ws', 'gitbook.io', 'square.site', 'mystrikingly.com', 'webnode.page', 'netlify.com', 'render.com',
  'digitaloceanspaces.com', 'b-cdn.net', 'myshopify.com', 'site123.me', 'wix.com', 'jimdosite.com', 'ukit.me',
  'teachable.com', 'typedream.app', 'hostingersite.com', 'ddns.net', 'duckdns.org', 'my.id', 'eth.limo', 'eth.link',
  'translate.goog', 'blob.core.windows.net', 'storage.googleapis.com', 'sites.google.com', 'linktr.ee',
];

/** Public suffixes of more than one label (country second levels) that matter for registrable names. */
const MULTI_LABEL_SUFFIXES: readonly string[] = [
  'co.uk', 'org.uk', 'me.uk', 'ac.uk', 'gov.uk', 'com.au', 'net.au', 'org.au', 'co.nz', 'co.jp', 'ne.jp', 'or.jp',
  'co.kr', 'or.kr', 'com.br', 'net.br', 'com.cn', 'net.cn', 'org.cn', 'com.hk', 'com.tw', 'com.sg', 'com.my',
  'co.in', 'net.in', 'co.id', 'co.il', 'co.za', 'com.mx', 'com.ar', 'com.co', 'com.tr', 'com.ua', 'com.pl',
  'com.vn', 'com.ph', 'com.pk', 'com.ng', 'com.eg', 'com.sa', 'co.th', 'in.th', 'com.pe', 'com.ve', 'com.es',
  'co.ke', 'co.ve', 'us.com', 'eu.com', 'uk.com', 'de.com', 'cn.com', 'com.de', 'co.com', 'co.ua',
];

const SUFFIXES = new Set([...HOSTING_PLATFORMS, ...MULTI_LABEL_SUFFIXES]);

/** The suffix (TLD, country second level or hosting platform) that `host` ends with. */
export function suffixOf(host: string): string {
  const labels = host.split('.');
  for (let i = 1; i < labels.length; i++) {
    const candidate = labels.slice(i).join('.');
    if (SUFFIXES.has(candidate)) return candidate;
  }
  return labels[labels.length - 1] ?? '';
}

/** The hosting platform the host sits on, if any. */
export function platformOf(host: string): string | undefined {
  const suffix = suffixOf(host);
  return HOSTING_PLATFORMS.includes(suffix) ? suffix : undefined;
}

/** The part of the name one owner controls: `app.uniswap.org` → `uniswap.org`, `a.b.vercel.app` → `b.vercel.app`. */
export function registrableDomain(host: string): string {
  const suffix = suffixOf(host);
  if (host === suffix) return host;
  const rest = host.slice(0, host.length - suffix.length - 1).split('.');
  return `${rest[rest.length - 1]}.${suffix}`;
}

/**
 * Normalises what the browser reports (an origin, a URL or a bare host) to a lower-case ASCII host
 * without a trailing dot or `www.`. Returns null for what has no host (about:, data:, extension pages).
 */
export function normalizeHost(input: string): string | null {
  const text = input.trim();
  if (text === '') return null;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`).hostname;
  } catch {
    return null;
  }
  host = host.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[')) return host; // IPv6 literal
  if (host.split('.').includes('')) return null; // `..`, `.x`, `a..b`: no real host
  if (host.startsWith('www.')) host = host.slice(4);
  return host.includes('.') || host === 'localhost' ? host : null;
}

/**
 * The names a list entry can match for `host`: itself and each parent down to its registrable domain
 * (a listed `evil.com` covers `claim.evil.com`; a listed `x.vercel.app` never covers all of vercel.app).
 */
export function lookupNames(host: string): string[] {
  if (/^[\d.]+$|^\[/.test(host)) return [host]; // an IP address has no parent domains
  const registrable = registrableDomain(host);
  const names = [host];
  let rest = host;
  while (rest !== registrable && rest.includes('.')) {
    rest = rest.slice(rest.indexOf('.') + 1);
    names.push(rest);
  }
  return names;
}

/** Labels left of the registrable domain: `a.b.uniswap.org` → ['a', 'b']. */
export function subdomainLabels(host: string): string[] {
  const registrable = registrableDomain(host);
  return host === registrable ? [] : host.slice(0, host.length - registrable.length - 1).split('.');
}
