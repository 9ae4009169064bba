/** schema.org descriptions of a school, for search engines and the evaluators' tools. */
import type { LoadedSchool } from '../../src/content/load.ts';
import type { Level } from '../../src/schemas/level.ts';

const TYPES: Record<Level, string> = {
  mn: 'Preschool',
  th: 'ElementarySchool',
  thcs: 'MiddleSchool',
  thpt: 'HighSchool',
  gdtx: 'EducationalOrganization',
};

export function schoolJsonLd(site: LoadedSchool): Record<string, unknown> {
  const c = site.config;
  const types = [...new Set(c.levels.map((l) => TYPES[l]))];
  const logo = c.logo ? site.files.get(c.logo)?.image?.variants.at(-1)?.url : undefined;
  return {
    '@type': types.length === 1 ? types[0] : types,
    name: c.name,
    url: `https://${c.domain}/`,
    ...(c.description ? { description: c.description } : {}),
    ...(logo ? { logo: `https://${c.domain}${logo}` } : {}),
    address: { '@type': 'PostalAddress', streetAddress: c.address, addressCountry: 'VN' },
    telephone: c.phone,
    email: c.email,
    ...(c.founded ? { foundingDate: String(c.founded) } : {}),
    parentOrganization: {
      '@type': 'GovernmentOrganization',
      name: c.governingBody.name,
      ...(c.governingBody.url ? { url: c.governingBody.url } : {}),
    },
  };
}
