/**
 * Where each site is served. By default a school is served at the root of its own domain. A
 * host without subdomains can serve every school under its own domain instead
 * (`host.yaml` → `hosting.schoolUrls: path`): the school's address is then
 * `<host domain>/<school id>`, which every absolute URL of the theme (`https://${domain}${path}`)
 * and the published folder name follow.
 */
import type { LoadedHost, LoadedSchool } from '../content/load.ts';

/** A school's address: computed, never written back into its loaded `school.yaml`. */
export interface SchoolAddress {
  /** The domain of `school.yaml` (what the compliance check judges, and duplicate domains compare). */
  ownDomain: string;
  /** Where its pages are served: `ownDomain`, or `<host domain>/<id>` in path mode. */
  servedAt: string;
  /** Path prefix of its pages: `/`, or `/<id>/` in path mode. */
  base: string;
}

/** The address of school `id` whose `school.yaml` names `ownDomain`, under this host. */
export function addressOf(id: string, ownDomain: string, host: Pick<LoadedHost, 'config'> | undefined): SchoolAddress {
  const servedAt = host?.config.hosting.schoolUrls === 'path' ? `${host.config.domain}/${id}` : ownDomain;
  return { ownDomain, servedAt, base: basePath(servedAt) };
}

/** The address a school is served at: its own domain, or `<host domain>/<id>` in path mode. */
export function schoolAddress(id: string, domain: string, host: Pick<LoadedHost, 'config'> | undefined): string {
  return addressOf(id, domain, host).servedAt;
}

/**
 * The school as its pages show it: a copy whose `config.domain` is the address it is served at.
 * The loaded school is left as validated (its own domain), so that checking, caching and
 * rendering it again never see an address in place of the domain.
 */
export function servedSchool(school: LoadedSchool, address: SchoolAddress): LoadedSchool {
  return address.servedAt === school.config.domain ? school : { ...school, config: { ...school.config, domain: address.servedAt } };
}

/** Folder of a site in `dist/sites/`: the domain, or `<host domain>+<school id>` in path mode. */
export function siteFolder(address: string): string {
  return address.replaceAll('/', '+');
}

/** The inverse of `siteFolder`: the host domain and the path prefix (`/` or `/<id>/`). */
export function parseSiteFolder(folder: string): { domain: string; base: string } {
  const [domain, ...rest] = folder.split('+');
  return { domain: domain!, base: rest.length > 0 ? `/${rest.join('/')}/` : '/' };
}

/** Path prefix of a site's pages: `/` at the root of a domain, `/<id>/` in path mode. */
export function basePath(address: string): string {
  return parseSiteFolder(siteFolder(address)).base;
}
