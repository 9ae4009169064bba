/**
 * Where each site is served. By default a school is served at the root of its own domain. A
 * host without subdomains can serve every school under its own domain instead
 * (`host.yaml` → `hosting.schoolUrls: path`): the school's address is then
 * `<host domain>/<school id>`, which every absolute URL of the theme (`https://${domain}${path}`)
 * and the published folder name follow.
 */
import type { LoadedHost, LoadedSchool } from '../content/load.ts';

/** The address a school is served at: its own domain, or `<host domain>/<id>` in path mode. */
export function schoolAddress(id: string, domain: string, host: LoadedHost | undefined): string {
  return host?.config.hosting.schoolUrls === 'path' ? `${host.config.domain}/${id}` : domain;
}

/** Gives each school its address (`schoolAddress`). */
export function applySchoolUrls(schools: LoadedSchool[], host: LoadedHost | undefined): void {
  for (const s of schools) s.config.domain = schoolAddress(s.id, s.config.domain, host);
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
