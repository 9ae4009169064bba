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
import { HINT, labelled } from './field-meta.ts';
import { contrastRatio } from '../util/contrast.ts';
import { image } from './fields.ts';

/**
 * A member of the school's leadership (Ban giám hiệu). TT 37/2020 Điều 9 k1 a asks for all five
 * fields. Phone, e-mail and duties may be left out here: a missing one is a compliance finding
 * (SEC-002) that names the leader, not a reason to drop the school from the build or the report.
 */
export const leaderSchema = z.strictObject({
  /** Họ và tên. */
  name: labelled(text(), ['Họ và tên', 'Full name']),
  /** Chức vụ, e.g. "Hiệu trưởng", "Phó Hiệu trưởng". */
  title: labelled(text(), ['Chức vụ', 'Position'], ['Ví dụ Hiệu trưởng, Phó Hiệu trưởng.', 'For example Hiệu trưởng, Phó Hiệu trưởng.']),
  /** Điện thoại liên hệ (required by TT 37/2020 Điều 9; the checker reports it when missing). */
  phone: labelled(phone().optional(), ['Điện thoại', 'Phone'], HINT.phone),
  /** Thư điện tử công vụ, preferably on the school's own domain (the checker warns on free webmail). */
  email: labelled(email().optional(), ['Thư điện tử', 'E-mail'], HINT.email),
  /** Nhiệm vụ đảm nhiệm (required by TT 37/2020 Điều 9; the checker reports it when missing). */
  duties: labelled(optionalText(), ['Nhiệm vụ đảm nhiệm', 'Duties']),
  /** Optional portrait, relative to the school folder. */
  photo: labelled(fileRef().optional(), ['Ảnh chân dung', 'Portrait']),
});

/** The body that governs the school (cơ quan chủ quản): name and portal. */
export const governingBodySchema = z.strictObject({
  /** e.g. "Ủy ban nhân dân xã An Phú" or "Sở Giáo dục và Đào tạo tỉnh …". */
  name: labelled(text(), ['Tên cơ quan chủ quản', 'Name of the governing body']),
  /** Its portal; linked from every footer (TT 37/2020 Điều 3 k1 c). */
  url: labelled(url().optional(), ['Cổng thông tin của cơ quan chủ quản', 'Portal of the governing body']),
});

/** Person responsible for the site's content (người chịu trách nhiệm, TT 32/2017/TT-BTTTT Điều 16 k3 c). */
export const responsiblePersonSchema = z.strictObject({
  name: labelled(text(), ['Họ và tên', 'Full name']),
  title: labelled(text(), ['Chức vụ', 'Position']),
});

/**
 * Brand colours. The header prints white text on `primary` and links use `primary` on white, so
 * `primary` needs a contrast of at least 4.5:1 with white (WCAG 2.1 SC 1.4.3, TT 32/2017/TT-BTTTT
 * Điều 18 a); `accent` draws focus outlines and needs 3:1 (SC 1.4.11).
 */
export const colorsSchema = z
  .strictObject({
    /** Header and link colour. Default `#0b4f8a`. */
    primary: labelled(color().default('#0b4f8a'), ['Màu chính', 'Main colour']),
    /** Accent colour (focus outlines). Default `#b3261e`. */
    accent: labelled(color().default('#b3261e'), ['Màu nhấn', 'Accent colour']),
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
  name: labelled(text(), ['Tên đầy đủ của trường', 'Official name']),
  /** Short name for narrow screens, e.g. "THCS Lê Lợi". Defaults to the full name. */
  shortName: labelled(optionalText(), ['Tên ngắn', 'Short name']),
  /** Level or levels (multi-level schools list several). */
  levels: labelled(
    z.array(levelSchema).min(1),
    ['Cấp học', 'Levels'],
    [
      'Một hoặc nhiều trong: mn (mầm non), th (tiểu học), thcs, thpt, gdtx.',
      'One or more of: mn (preschool), th (primary), thcs, thpt, gdtx.',
    ],
  ),
  /** Host name the site is served at, without `https://`. */
  domain: labelled(
    domain(),
    ['Tên miền', 'Domain'],
    ['Không có https://, ví dụ thcsleloi.songxanh.edu.vn.', 'Without https://, e.g. thcsleloi.songxanh.edu.vn.'],
  ),
  governingBody: labelled(governingBodySchema, ['Cơ quan chủ quản', 'Governing body']),
  address: labelled(text(), ['Địa chỉ', 'Address']),
  phone: labelled(phone(), ['Điện thoại văn phòng', 'Office phone'], HINT.phone),
  email: labelled(email(), ['Thư điện tử của trường', 'School e-mail'], HINT.email),
  /** Optional fax, still printed on many letterheads. */
  fax: labelled(phone().optional(), ['Fax', 'Fax']),
  responsiblePerson: labelled(responsiblePersonSchema, ['Người chịu trách nhiệm nội dung', 'Person responsible for the content']),
  /** Ban giám hiệu; at least the head of the school. */
  leaders: labelled(z.array(leaderSchema).min(1), ['Ban giám hiệu', 'School leaders']),
  /** Logo image relative to the school folder. */
  logo: labelled(fileRef().optional(), ['Biểu trưng (logo)', 'Logo']),
  colors: labelled(colorsSchema.default({ primary: '#0b4f8a', accent: '#b3261e' }), ['Màu sắc', 'Colours']),
  /**
   * Photo of the school for the home page banner, relative to the school folder, with its text
   * alternative (TT 32/2017/TT-BTTTT Điều 18 c), e.g. `{ src: media/anh/ngoi-truong.jpg, alt: … }`.
   * Optional: without it the banner shows the school's colour. A wide photo (3:1 or wider) reads best.
   */
  banner: labelled(image().optional(), ['Ảnh trường trên trang chủ', 'Home page banner photo']),
  /** One-sentence description used in metadata and the host directory. */
  description: labelled(optionalText(), ['Mô tả ngắn', 'Short description']),
  /** Year founded, shown in the introduction. */
  founded: labelled(z.number().int().min(1800).max(2100).optional(), ['Năm thành lập', 'Year founded']),
  /** Whether the school serves meals (bán trú); then menus are due weekly (TT 09/2024 Điều 15 k1 a). */
  hasMeals: labelled(z.boolean().default(false), ['Có bán trú (tổ chức ăn)', 'Serves meals (bán trú)']),
  /**
   * GDTX centres only: whether the centre runs foreign or integrated education programmes; then
   * their công khai item is due (TT 09/2024 Điều 10 khoản 4, item `chuong-trinh-nuoc-ngoai`).
   * Default `false`.
   */
  foreignPrograms: labelled(z.boolean().default(false), [
    'Có chương trình giáo dục nước ngoài hoặc tích hợp (GDTX)',
    'Runs foreign or integrated programmes (GDTX)',
  ]),
  /** Public (công lập) or not; fee disclosures differ. Default `true`. */
  public: labelled(z.boolean().default(true), ['Trường công lập', 'Public school']),
});

export type School = z.infer<typeof schoolSchema>;
export type SchoolInput = z.input<typeof schoolSchema>;
export type Leader = z.infer<typeof leaderSchema>;
