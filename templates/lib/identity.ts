/**
 * The owner details every page shows in its header and footer (TT 32/2017/TT-BTTTT Điều 16
 * k3; TT 09/2014/TT-BTTTT Điều 2 k3), for a school or for the host portal alike.
 */
import type { LoadedHost, LoadedSchool } from '../../src/content/load.ts';
import { memo, type Memoized } from '../../src/site/render-tracking.ts';

export interface Identity {
  name: string;
  shortName: string;
  domain: string;
  governingBody: { name: string; url?: string | undefined };
  address: string;
  phone: string;
  fax?: string | undefined;
  email: string;
  responsiblePerson: { name: string; title: string };
  logoUrl?: string | undefined;
  colors: { primary: string; accent: string };
  kind: 'school' | 'host';
  /** Newest content date of the site: DC.date of pages that have no date of their own. */
  updated?: string | undefined;
}

const latestCache = new WeakMap<object, Memoized<string | undefined>>();

/**
 * The newest date among a site's news, documents and disclosures (`YYYY-MM-DD`), once per site
 * (every page shows it); through `memo`, so that the warm renderer credits its reads to each page.
 */
function latestDate(site: LoadedSchool | LoadedHost): string | undefined {
  return memo(latestCache, site, () => {
    const c = site.collections;
    const dates = [
      ...c.news.filter((n) => !n.data.draft).map((n) => n.data.updated ?? n.data.date),
      ...c.documents.map((d) => d.data.issued),
      ...c.disclosures.map((d) => d.data.updated ?? d.data.published),
    ].map((d) => d.slice(0, 10));
    return dates.sort().at(-1);
  });
}

export function schoolIdentity(site: LoadedSchool): Identity {
  const c = site.config;
  return {
    name: c.name,
    shortName: c.shortName ?? c.name,
    domain: c.domain,
    governingBody: c.governingBody,
    address: c.address,
    phone: c.phone,
    fax: c.fax,
    email: c.email,
    responsiblePerson: c.responsiblePerson,
    logoUrl: c.logo ? site.files.get(c.logo)?.image?.variants[0]?.url : undefined,
    colors: c.colors,
    kind: 'school',
    updated: latestDate(site),
  };
}

export function hostIdentity(host: LoadedHost): Identity {
  const c = host.config;
  return {
    name: c.name,
    shortName: c.name,
    domain: c.domain,
    governingBody: c.governingBody,
    address: c.address,
    phone: c.phone,
    email: c.email,
    responsiblePerson: c.responsiblePerson,
    colors: { primary: '#0b4f8a', accent: '#b3261e' },
    kind: 'host',
    updated: latestDate(host),
  };
}
