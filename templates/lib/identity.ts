/**
 * The owner details every page shows in its header and footer (TT 32/2017/TT-BTTTT Điều 16
 * k3; TT 09/2014/TT-BTTTT Điều 2 k3), for a school or for the host portal alike.
 */
import type { LoadedHost, LoadedSchool } from '../../src/content/load.ts';

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
  };
}
