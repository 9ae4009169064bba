import { describe, expect, it } from 'vitest';
import {
  admissionSchema,
  albumSchema,
  consultationSchema,
  disclosureSchema,
  documentSchema,
  formSchema,
  newsSchema,
  pageSchema,
  scheduleSchema,
} from '../../src/schemas/collections.ts';
import { problems } from '../helpers.ts';

/** One valid front matter per collection, and one broken variant with the expected problems. */
const CASES = {
  page: {
    schema: pageSchema,
    valid: 'title: Lịch sử nhà trường\nkind: lich-su\norder: 2\n',
    invalid: 'title: ""\nkind: lich_su\norder: hai\n',
  },
  news: {
    schema: newsSchema,
    valid: 'title: Lễ khai giảng\ndate: 2026-09-05 07:30\ncategory: su-kien\nimage:\n  src: media/anh/a.jpg\n  alt: Học sinh dự lễ\n',
    invalid: 'title: Lễ khai giảng\ndate: 31/09/2026\ncategory: Sự kiện\nimage:\n  src: media/anh/a.jpg\n',
  },
  document: {
    schema: documentSchema,
    valid:
      'number: 12/QĐ-THCSLL\ntype: quyet-dinh\nsummary: Thành lập tổ tư vấn\nissued: 2026-09-01\nissuer: Trường THCS Lê Lợi\nsigner: Nguyễn Thị Lan\nfile: media/tep/qd-12.pdf\n',
    invalid:
      'number: 12/QĐ-THCSLL\ntype: quyet dinh\nsummary: Thành lập tổ tư vấn\nissued: 2026-13-01\nissuer: Trường THCS Lê Lợi\nfile: media/tep/qd-12.pdf\n',
  },
  disclosure: {
    schema: disclosureSchema,
    valid: 'item: tai-chinh\npublished: 2026-06-10\nattachments:\n  - file: media/tep/tai-chinh.pdf\n    title: Biểu công khai tài chính\n',
    invalid: 'item: taichinh\npublished: 2026-06-10\nattachments: media/tep/tai-chinh.pdf\n',
  },
  form: {
    schema: formSchema,
    valid: 'title: Đơn xin nghỉ học\npurpose: Xin nghỉ học có lý do.\nupdated: 2026-09-01\nfiles:\n  - file: media/mau-don/nghi-hoc.docx\n',
    invalid: 'title: Đơn xin nghỉ học\npurpose: Xin nghỉ học có lý do.\nupdated: 2026-09-01\nfiles: []\n',
  },
  admission: {
    schema: admissionSchema,
    valid:
      'title: Tuyển sinh lớp 6\nschoolYear: 2026-2027\nkind: thong-bao\npublished: 2026-05-15\nregistrationUrl: https://tuyensinh.binhlam.edu.vn/\n',
    invalid:
      'title: Tuyển sinh lớp 6\nschoolYear: 2026-2028\nkind: thong-bao\npublished: 2026-05-15\nregistrationUrl: tuyensinh.binhlam.edu.vn\n',
  },
  consultation: {
    schema: consultationSchema,
    valid:
      'title: Góp ý quy chế\nsummary: Lấy ý kiến cha mẹ học sinh.\nemail: gopy@thcsleloi.songxanh.edu.vn\npublished: 2026-11-10\ndeadline: 2026-12-10\n',
    invalid: 'title: Góp ý quy chế\nsummary: Lấy ý kiến cha mẹ học sinh.\nemail: gopy at truong\npublished: 2026-11-10\n',
  },
  schedule: {
    schema: scheduleSchema,
    valid: 'title: Thực đơn tuần\nkind: thuc-don\nfrom: 2026-11-23\nto: 2026-11-27\npublished: 2026-11-20\n',
    invalid: 'title: Thực đơn tuần\nkind: thucdon\nfrom: 2026-11-23\nto: 2026-11-27\npublished: 2026-11-20\nextra: 1\n',
  },
  album: {
    schema: albumSchema,
    valid: 'title: Ảnh khai giảng\ndate: 2026-09-05\nphotos:\n  - src: media/anh/a.jpg\n    alt: Sân trường\n',
    invalid: 'title: Ảnh khai giảng\ndate: 2026-09-05\nphotos: []\nvideos: [youtube]\n',
  },
} as const;

describe.each(Object.entries(CASES))('%s front matter', (name, c) => {
  it('accepts the valid example', () => {
    expect(problems(c.schema, c.valid, 'vi', `${name}.md`)).toBe('');
  });
  it('reports each problem of the broken example', () => {
    expect(problems(c.schema, c.invalid, 'vi', `${name}.md`)).toMatchSnapshot();
  });
});

describe('dates', () => {
  it('accepts the Vietnamese DD/MM/YYYY form and normalises it', () => {
    const res = newsSchema.parse({ title: 'A', date: '05/09/2026', category: 'tin-tuc' });
    expect(res.date).toBe('2026-09-05');
  });
  it('rejects 29 February in a common year and accepts it in a leap year', () => {
    expect(newsSchema.safeParse({ title: 'A', date: '2027-02-29', category: 'tin-tuc' }).success).toBe(false);
    expect(newsSchema.safeParse({ title: 'A', date: '2028-02-29', category: 'tin-tuc' }).success).toBe(true);
  });
});
