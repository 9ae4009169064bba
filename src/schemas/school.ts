/**
 * `content/schools/<id>/school.yaml`: who the school is. Everything the header, the footer
 * and the Giới thiệu page need by law comes from here.
 *
 * If you add a field: document it here, add it to the demo schools and to
 * `tests/fixtures/schools/full/school.yaml`, and show it in the theme if readers need it.
 */
import { z } from 'zod';
import { color, domain, email, fileRef, optionalText, phone, text, url } from './fields.ts';
import { levelSchema } from './level.ts';
import { contrastRatio } from '../util/contrast.ts';
import { image } from './fields.ts';

/**
 * A member of the school's leadership (Ban giám hiệu). TT 37/2020 Điều 9 k1 a asks for all five
 * fields. Phone, e-mail and duties may be left out here: a missing one is a compliance finding
 * (SEC-002) that names the leader, not a reason to drop the school from the build or the report.
 */
export const leaderSchema = z.strictObject({
  /** Họ và tên. */
  name: text(),
  /** Chức vụ, e.g. "Hiệu trưởng", "Phó Hiệu trưởng". */
  title: text(),
  /** Điện thoại liên hệ (required by TT 37/2020 Điều 9; the checker reports it when missing). */
  phone: phone().optional(),
  /** Thư điện tử công vụ, preferably on the school's own domain (the checker warns on free webmail). */
  email: email().optional(),
  /** Nhiệm vụ đảm nhiệm (required by TT 37/2020 Điều 9; the checker reports it when missing). */
  duties: optionalText(),
  /** Optional portrait, relative to the school folder. */
  photo: fileRef().optional(),
});

/** The body that governs the school (cơ quan chủ quản): name and portal. */
export const governingBodySchema = z.strictObject({
  /** e.g. "Ủy ban nhân dân xã An Phú" or "Sở Giáo dục và Đào tạo tỉnh …". */
  name: text(),
  /** Its portal; linked from every footer (TT 37/2020 Điều 3 k1 c). */
  url: url().optional(),
});

/** Person responsible for the site's content (người chịu trách nhiệm, TT 32/2017/TT-BTTTT Điều 16 k3 c). */
export const responsiblePersonSchema = z.strictObject({
  name: text(),
  title: text(),
});

/**
 * Brand colours. The header prints white text on `primary` and links use `primary` on white, so
 * `primary` needs a contrast of at least 4.5:1 with white (WCAG 2.1 SC 1.4.3, TT 32/2017/TT-BTTTT
 * Điều 18 a); `accent` draws focus outlines and needs 3:1 (SC 1.4.11).
 */
export const colorsSchema = z
  .strictObject({
    /** Header and link colour. Default `#0b4f8a`. */
    primary: color().default('#0b4f8a'),
    /** Accent colour (focus outlines). Default `#b3261e`. */
    accent: color().default('#b3261e'),
  })
  .check((ctx) => {
    for (const [key, min] of [
      ['primary', 4.5],
      ['accent', 3],
    ] as const) {
      const value = ctx.value[key];
      if (!/^#[0-9a-f]{6}$/i.test(value)) continue;
      const ratio = contrastRatio(value, '#ffffff');
      if (ratio < min) {
        ctx.issues.push({
          code: 'custom',
          path: [key],
          input: value,
          message: 'contrast',
          params: { kind: 'contrast', args: { ratio: ratio.toFixed(2), min: String(min) } },
        });
      }
    }
  });

export const schoolSchema = z.strictObject({
  /** Official full name, e.g. "Trường Trung học cơ sở Lê Lợi". */
  name: text(),
  /** Short name for narrow screens, e.g. "THCS Lê Lợi". Defaults to the full name. */
  shortName: optionalText(),
  /** Level or levels (multi-level schools list several). */
  levels: z.array(levelSchema).min(1),
  /** Host name the site is served at, without `https://`. */
  domain: domain(),
  governingBody: governingBodySchema,
  address: text(),
  phone: phone(),
  email: email(),
  /** Optional fax, still printed on many letterheads. */
  fax: phone().optional(),
  responsiblePerson: responsiblePersonSchema,
  /** Ban giám hiệu; at least the head of the school. */
  leaders: z.array(leaderSchema).min(1),
  /** Logo image relative to the school folder. */
  logo: fileRef().optional(),
  colors: colorsSchema.default({ primary: '#0b4f8a', accent: '#b3261e' }),
  /**
   * Photo of the school for the home page banner, relative to the school folder, with its text
   * alternative (TT 32/2017/TT-BTTTT Điều 18 c), e.g. `{ src: media/anh/ngoi-truong.jpg, alt: … }`.
   * Optional: without it the banner shows the school's colour. A wide photo (3:1 or wider) reads best.
   */
  banner: image().optional(),
  /** One-sentence description used in metadata and the host directory. */
  description: optionalText(),
  /** Year founded, shown in the introduction. */
  founded: z.number().int().min(1800).max(2100).optional(),
  /** Whether the school serves meals (bán trú); then menus are due weekly (TT 09/2024 Điều 15 k1 a). */
  hasMeals: z.boolean().default(false),
  /**
   * GDTX centres only: whether the centre runs foreign or integrated education programmes; then
   * their công khai item is due (TT 09/2024 Điều 10 khoản 4, item `chuong-trinh-nuoc-ngoai`).
   * Default `false`.
   */
  foreignPrograms: z.boolean().default(false),
  /** Public (công lập) or not; fee disclosures differ. Default `true`. */
  public: z.boolean().default(true),
});

export type School = z.infer<typeof schoolSchema>;
export type SchoolInput = z.input<typeof schoolSchema>;
export type Leader = z.infer<typeof leaderSchema>;
