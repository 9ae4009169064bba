import { describe, expect, it } from 'vitest';
import { schoolSchema } from '../../src/schemas/school.ts';
import { hostSchema } from '../../src/schemas/host.ts';
import { problems } from '../helpers.ts';
import { parseYaml } from '../../src/content/yaml-source.ts';

const VALID = `
name: Trường Trung học cơ sở Lê Lợi
levels: [thcs]
domain: thcsleloi.songxanh.edu.vn
governingBody:
  name: Phòng Giáo dục và Đào tạo huyện Sông Xanh
  url: https://songxanh.edu.vn
address: 15 Lê Lợi, thị trấn Sông Xanh
phone: "0269 3812 345"
email: thcsleloi@songxanh.edu.vn
responsiblePerson:
  name: Nguyễn Thị Lan
  title: Hiệu trưởng
leaders:
  - name: Nguyễn Thị Lan
    title: Hiệu trưởng
    phone: "0912 345 678"
    email: lan.nt@thcsleloi.songxanh.edu.vn
    duties: Phụ trách chung.
colors:
  primary: "#0b4f8a"
`;

describe('school.yaml', () => {
  it('accepts a complete school and fills defaults', () => {
    expect(problems(schoolSchema, VALID)).toBe('');
  });

  it('normalises decomposed (NFD) Vietnamese text to NFC', () => {
    const name = 'Trường Trung học cơ sở Lê Lợi';
    const nfd = VALID.replace(name, name.normalize('NFD'));
    expect(nfd).not.toBe(VALID);
    const parsed = parseYaml(nfd, 'school.yaml');
    const res = parsed.ok ? schoolSchema.parse(parsed.data) : undefined;
    expect(res?.name).toBe(name.normalize('NFC'));
    expect(res?.name.length).toBe(name.normalize('NFC').length);
  });

  it('reports every problem with file, line, field, found value, expectation and fix', () => {
    const bad = VALID.replace('"0269 3812 345"', '"12345"')
      .replace('thcsleloi@songxanh.edu.vn', 'thcsleloi@songxanh')
      .replace('thcsleloi.songxanh.edu.vn\n', 'https://thcsleloi.songxanh.edu.vn/\n')
      .replace('levels: [thcs]', 'levels: [trung-hoc]')
      .replace('"#0b4f8a"', 'blue')
      .replace('    duties: Phụ trách chung.\n', '    dutie: Phụ trách chung.\n');
    expect(problems(schoolSchema, bad)).toMatchInlineSnapshot(`
      "school.yaml:3:10 (lỗi) Giá trị không nằm trong danh sách cho phép.
        Mục: levels[0]
        Giá trị hiện có: "trung-hoc"
        Cần: Một trong: mn, th, thcs, thpt, gdtx.
        Cách sửa: Chọn một giá trị trong danh sách.

      school.yaml:4:9 (lỗi) Tên miền không hợp lệ.
        Mục: domain
        Giá trị hiện có: "https://thcsleloi.songxanh.edu.vn/"
        Cần: Chỉ tên miền, chữ thường, không có https:// hay dấu /, ví dụ thcsleloi.songxanh.edu.vn.
        Cách sửa: Bỏ phần https:// và dấu / ở cuối.

      school.yaml:9:8 (lỗi) Số điện thoại không hợp lệ.
        Mục: phone
        Giá trị hiện có: "12345"
        Cần: Số bắt đầu bằng 0 hoặc +84, gồm 9 đến 11 chữ số, ví dụ 0269 3812 345.
        Cách sửa: Viết số điện thoại trong dấu nháy kép, ví dụ "0269 3812 345", để không mất số 0 ở đầu.

      school.yaml:10:8 (lỗi) Địa chỉ thư điện tử không hợp lệ.
        Mục: email
        Giá trị hiện có: "thcsleloi@songxanh"
        Cần: Một địa chỉ dạng ten@truong.edu.vn.
        Cách sửa: Kiểm tra dấu @, tên miền và bỏ khoảng trắng.

      school.yaml:19:5 (lỗi) Mục này không được hỗ trợ.
        Mục: leaders[0].dutie
        Giá trị hiện có: "dutie"
        Cần: Chỉ các mục đã mô tả trong tài liệu.
        Cách sửa: Có phải bạn muốn viết \`duties\`?

      school.yaml:21:12 (lỗi) Mã màu không hợp lệ.
        Mục: colors.primary
        Giá trị hiện có: "blue"
        Cần: Mã màu dạng #rrggbb, ví dụ "#0b4f8a".
        Cách sửa: Viết mã màu trong dấu nháy kép vì dấu # bắt đầu một chú thích trong YAML."
    `);
  });

  it('reports a missing required field with what to write', () => {
    const bad = VALID.replace('address: 15 Lê Lợi, thị trấn Sông Xanh\n', '');
    expect(problems(schoolSchema, bad)).toMatchInlineSnapshot(`
      "school.yaml:2:1 (lỗi) Thiếu mục bắt buộc.
        Mục: address
        Cần: Một đoạn văn bản.
        Cách sửa: Thêm dòng \`address: …\` vào đúng chỗ trong tệp (thụt lề như các mục bên cạnh)."
    `);
  });

  it('reports problems in English with --lang en', () => {
    const bad = VALID.replace('"0269 3812 345"', '"12345"');
    expect(problems(schoolSchema, bad, 'en')).toMatchInlineSnapshot(`
      "school.yaml:9:8 (error) The phone number is not valid.
        Field: phone
        Found: "12345"
        Expected: A number starting with 0 or +84, 9 to 11 digits, e.g. 0269 3812 345.
        How to fix: Put the number in double quotes, e.g. "0269 3812 345", so that the leading 0 is kept."
    `);
  });

  it('reports YAML syntax errors with their line', () => {
    expect(problems(schoolSchema, 'name: Trường A\n\tlevels: [th]\n')).toMatchInlineSnapshot(`
      "school.yaml:2:1 (lỗi) Lỗi cú pháp YAML.
        Cần: Mỗi dòng dạng \`tên: giá trị\`, thụt lề bằng dấu cách (không dùng Tab).
        Cách sửa: Xem dòng được chỉ ra: dòng thụt lề bằng phím Tab (a tab is used for indentation). Nếu giá trị có dấu hai chấm hoặc dấu #, hãy đặt nó trong dấu nháy kép."
    `);
  });
});

describe('host.yaml', () => {
  const HOST = `
name: Phòng Giáo dục và Đào tạo huyện Sông Xanh
kind: phong-gddt
domain: songxanh.edu.vn
governingBody:
  name: Ủy ban nhân dân huyện Sông Xanh
address: 1 Trần Hưng Đạo
phone: "0269 3800 000"
email: pgd@songxanh.edu.vn
responsiblePerson:
  name: Trần Văn Minh
  title: Trưởng phòng
`;
  it('accepts a valid host', () => {
    expect(problems(hostSchema, HOST, 'vi', 'host.yaml')).toBe('');
  });
  it('suggests the closest host kind', () => {
    expect(problems(hostSchema, HOST.replace('phong-gddt', 'phong gd&dt'), 'vi', 'host.yaml')).toMatchInlineSnapshot(`
      "host.yaml:3:7 (lỗi) Giá trị không nằm trong danh sách cho phép.
        Mục: kind
        Giá trị hiện có: "phong gd&dt"
        Cần: Một trong: so-gddt, phong-gddt, phong-vhxh.
        Cách sửa: Có phải bạn muốn viết \`phong-gddt\`?"
    `);
  });
});

describe('school colours', () => {
  it('rejects a primary colour under WCAG AA contrast with white, with the ratio and a fix', () => {
    const bad = VALID.replace('"#0b4f8a"', '"#7fb3e6"');
    expect(problems(schoolSchema, bad)).toMatchInlineSnapshot(`
      "school.yaml:21:12 (lỗi) Màu không đủ tương phản với nền trắng.
        Mục: colors.primary
        Giá trị hiện có: "#7fb3e6"
        Cần: Độ tương phản với màu trắng ít nhất 4.5:1 (WCAG 2.1 mức AA); màu này chỉ đạt 2.21:1.
        Cách sửa: Chọn màu đậm hơn, ví dụ "#0b4f8a" (xanh đậm), "#1b5e20" (xanh lá đậm) hoặc "#8a1c1c" (đỏ đậm)."
    `);
  });
});
