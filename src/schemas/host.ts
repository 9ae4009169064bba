/**
 * `content/host.yaml`: the hosting unit that runs many school sites from one repository.
 * Since 01/07/2025 the district level is gone: a Sở GD&ĐT or a Phòng Văn hóa - Xã hội of a
 * xã/phường hosts schools; `phong-gddt` is kept for hosts that still use the old name.
 */
import { z } from 'zod';
import { domain, email, phone, text, url } from './fields.ts';
import { governingBodySchema, responsiblePersonSchema } from './school.ts';
import { PRESET_IDS } from './preset-ids.ts';

export const HOST_KINDS = ['so-gddt', 'phong-gddt', 'phong-vhxh'] as const;

export const hostSchema = z.strictObject({
  /** Official name, e.g. "Phòng Giáo dục và Đào tạo huyện An Khê". */
  name: text(),
  /** `so-gddt` Sở GD&ĐT, `phong-gddt` Phòng GD&ĐT (before 07/2025), `phong-vhxh` Phòng Văn hóa - Xã hội. */
  kind: z.enum(HOST_KINDS),
  /** Host name of the host's own portal. */
  domain: domain(),
  governingBody: governingBodySchema,
  address: text(),
  phone: phone(),
  email: email(),
  responsiblePerson: responsiblePersonSchema,
  /** Link to the provincial portal or another parent site. */
  parentPortal: url().optional(),
  /** How the build uses the compliance checker (`congtruong check`). */
  compliance: z
    .strictObject({
      /**
       * When `true`, a school with compliance errors is not published (its previous site stays
       * online) until the errors are fixed. Default `false`: publish and report.
       */
      blockPublishingOnErrors: z.boolean().default(false),
      /** Rule set the build checks against. Default `recommended` (all rules). */
      preset: z.enum(PRESET_IDS).default('recommended'),
      /**
       * Publish the compliance dashboard of all schools at `/tuan-thu/` on the host portal.
       * Default `true`: the law asks schools to publish their công khai for everyone to see
       * (TT 09/2024/TT-BGDĐT), and the dashboard shows what is published and what is missing.
       * With `false` the portal has no dashboard; `congtruong check --format html` still writes it.
       */
      publicDashboard: z.boolean().default(true),
    })
    .default({ blockPublishingOnErrors: false, preset: 'recommended', publicDashboard: true }),
  /** How school sites are addressed. */
  hosting: z
    .strictObject({
      /**
       * `domain` (default): each school at the root of its own domain (`school.yaml` `domain`).
       * `path`: for hosts without subdomains, each school at `https://<host domain>/<school id>/`.
       */
      schoolUrls: z.enum(['domain', 'path']).default('domain'),
    })
    .default({ schoolUrls: 'domain' }),
});

export type Host = z.infer<typeof hostSchema>;
