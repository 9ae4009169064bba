/**
 * Refusals of `congtruong new …` as data (see `catalogue.ts` for the shape). Nothing is written
 * when one is thrown: every check runs before the first write, so the webmaster fixes the
 * command and runs it again.
 *
 * `exitCode` 1 means "refused to overwrite" (the command itself was right); every other entry
 * exits 2, a wrong or missing value. Names are permanent.
 */
import type { ErrorData } from './catalogue.ts';

interface ScaffoldErrorData extends ErrorData {
  exitCode?: 1;
}

export const SCAFFOLD_ERRORS = {
  // --- The command line of `new` -------------------------------------------------------------
  unknownKind: {
    message: { vi: 'Không có loại "{kind}".{suggestion}', en: 'There is no kind "{kind}".{suggestion}' },
    fix: {
      vi: 'Chọn một loại trong danh sách dưới đây, ví dụ: new news --school thcs-le-loi.',
      en: 'Pick a kind from the list below, e.g. new news --school thcs-le-loi.',
    },
  },
  extraArguments: {
    message: { vi: 'Thừa đối số: {args}.', en: 'Unexpected arguments: {args}.' },
    fix: {
      vi: 'Giá trị có khoảng trắng cần đặt trong dấu nháy kép, ví dụ --title "Lễ khai giảng".',
      en: 'Quote values that contain spaces, e.g. --title "Opening day".',
    },
  },
  foreignFlags: {
    message: { vi: 'Loại "{kind}" không có tùy chọn: {flags}.', en: 'Kind "{kind}" has no option {flags}.' },
    fix: { vi: 'Dùng các tùy chọn của "{kind}": {known}.', en: 'Use the options of "{kind}": {known}.' },
  },
  noContentFolder: {
    message: { vi: 'Không tìm thấy {dir}/schools/.', en: '{dir}/schools/ not found.' },
    fix: {
      vi: 'Chạy lệnh trong thư mục dự án, hoặc chỉ thư mục nội dung bằng --content.',
      en: 'Run the command in the project folder, or point to the content folder with --content.',
    },
  },
  missingSchool: {
    message: {
      vi: 'Thiếu --school MÃ (trường nào?). Các trường hiện có: {schools}.',
      en: '--school ID is missing (which school?). Schools: {schools}.',
    },
    fix: { vi: 'Thêm --school {example}.', en: 'Add --school {example}.' },
  },
  unknownSchool: {
    message: {
      vi: '--school {id}: không có trường này trong {dir}/.{suggestion} Các trường hiện có: {schools}.',
      en: '--school {id}: no such school in {dir}/.{suggestion} Schools: {schools}.',
    },
    fix: {
      vi: 'Viết đúng tên thư mục của trường, hoặc tạo trường bằng new school.',
      en: "Write the school's folder name exactly, or create the school with new school.",
    },
  },
  schoolInvalid: {
    message: { vi: '{file} đang có lỗi:\n\n{issues}\n', en: '{file} has problems:\n\n{issues}\n' },
    fix: { vi: 'Sửa các lỗi trên trong {file} rồi chạy lại lệnh.', en: 'Fix the problems above in {file}, then run the command again.' },
  },
  missingFlags: {
    message: {
      vi: 'Thiếu thông tin bắt buộc. Khi không chạy trong cửa sổ dòng lệnh tương tác, hãy thêm các tùy chọn:\n{rows}',
      en: 'Required values are missing. When not run in an interactive terminal, add the options:\n{rows}',
    },
    fix: {
      vi: 'Thêm các tùy chọn trên vào lệnh, hoặc chạy lệnh trong cửa sổ dòng lệnh để được hỏi từng mục.',
      en: 'Add the options above to the command, or run it in a terminal to be asked for each value.',
    },
  },
  cancelled: {
    message: { vi: 'Đã hủy, chưa ghi tệp nào.', en: 'Cancelled; nothing was written.' },
    fix: { vi: '', en: '' },
  },
  needItem: {
    message: {
      vi: '{flags} chỉ dùng khi tạo một mục công khai. Không có --item, lệnh tạo bản nháp mọi mục bắt buộc của năm học.',
      en: '{flags} only apply to a single disclosure item. Without --item, drafts of every required item of the year are created.',
    },
    fix: { vi: 'Thêm --item MÃ_MỤC (ví dụ --item tai-chinh).', en: 'Add --item ITEM (e.g. --item tai-chinh).' },
  },

  // --- One value of a flag (`flags.ts`) ------------------------------------------------------
  valueEmpty: {
    message: { vi: '{flag} "{value}": đang để trống. Cần một giá trị.', en: '{flag} "{value}" is empty. A value is needed.' },
    fix: { vi: 'Viết theo mẫu: {flag} {example}', en: 'Write it like this: {flag} {example}' },
  },
  valueNotAllowed: {
    message: {
      vi: '{flag} "{value}": không nằm trong danh sách. Cần một trong: {choices}.',
      en: '{flag} "{value}" is not allowed. Expected one of: {choices}.',
    },
    fix: { vi: 'Viết theo mẫu: {flag} {example}', en: 'Write it like this: {flag} {example}' },
  },
  notADate: {
    message: {
      vi: '{flag} "{value}": không phải một ngày có thật. Cần dạng YYYY-MM-DD hoặc DD/MM/YYYY{time}.',
      en: '{flag} "{value}" is not a real date. Expected YYYY-MM-DD or DD/MM/YYYY{time}.',
    },
    fix: { vi: 'Viết theo mẫu: {flag} {example}', en: 'Write it like this: {flag} {example}' },
  },
  notASchoolYear: {
    message: {
      vi: '{flag} "{value}": không phải năm học. Cần hai năm liền nhau, ví dụ 2025-2026.',
      en: '{flag} "{value}" is not a school year. Expected two consecutive years, e.g. 2025-2026.',
    },
    fix: { vi: 'Viết theo mẫu: {flag} {example}', en: 'Write it like this: {flag} {example}' },
  },
  notAnEmail: {
    message: {
      vi: '{flag} "{value}": không phải địa chỉ thư điện tử hợp lệ.',
      en: '{flag} "{value}" is not a valid e-mail address.',
    },
    fix: { vi: 'Viết theo mẫu: {flag} {example}', en: 'Write it like this: {flag} {example}' },
  },
  notAUrl: {
    message: {
      vi: '{flag} "{value}": không phải địa chỉ web đầy đủ (bắt đầu bằng https://).',
      en: '{flag} "{value}" is not a full web address (starting with https://).',
    },
    fix: { vi: 'Viết theo mẫu: {flag} {example}', en: 'Write it like this: {flag} {example}' },
  },
  notAnInteger: {
    message: { vi: '{flag} "{value}": không phải một số nguyên.', en: '{flag} "{value}" is not a whole number.' },
    fix: { vi: 'Viết theo mẫu: {flag} {example}', en: 'Write it like this: {flag} {example}' },
  },
  notAPhone: {
    message: {
      vi: '{flag} "{value}": không phải số điện thoại Việt Nam (0 hoặc +84 rồi 8 đến 10 chữ số).',
      en: '{flag} "{value}" is not a Vietnamese phone number (0 or +84, then 8 to 10 digits).',
    },
    fix: { vi: 'Viết theo mẫu: {flag} {example}', en: 'Write it like this: {flag} {example}' },
  },
  notASlug: {
    message: {
      vi: '{flag} "{value}": chỉ được dùng chữ thường không dấu, số và dấu gạch ngang.',
      en: '{flag} "{value}" may only use lower-case ASCII letters, digits and hyphens.',
    },
    fix: { vi: 'Viết theo mẫu: {flag} {example}', en: 'Write it like this: {flag} {example}' },
  },

  // --- Attached files (`attachments.ts`, `create.ts`) ----------------------------------------
  fileNotFound: {
    message: { vi: '{flag} {given}: không tìm thấy tệp này.', en: '{flag} {given}: no such file.' },
    fix: {
      vi: 'Kiểm tra đường dẫn (đặt trong dấu nháy kép nếu tên có khoảng trắng).',
      en: 'Check the path (quote it if the name has spaces).',
    },
  },
  fileTypeNotAccepted: {
    message: {
      vi: '{flag} {given}: loại tệp {ext} không được nhận ở đây. Cần một trong: {allowed}.',
      en: '{flag} {given}: {ext} files are not accepted here. Expected one of: {allowed}.',
    },
    fix: {
      vi: 'Lưu tệp thành một trong các định dạng đó (ví dụ "Lưu thành PDF" trong Word).',
      en: 'Save the file in one of those formats (e.g. "Save as PDF" in Word).',
    },
  },
  fileEmpty: {
    message: { vi: '{flag} {given}: tệp rỗng (0 byte). Cần tệp có nội dung.', en: '{flag} {given}: the file is empty (0 bytes).' },
    fix: { vi: 'Lưu lại tệp rồi thử lại.', en: 'Save the file again and retry.' },
  },
  fileTooLarge: {
    message: {
      vi: '{flag} {given}: tệp nặng {size}, vượt giới hạn {max}.',
      en: '{flag} {given}: the file is {size}, over the {max} limit.',
    },
    fix: {
      vi: 'Nén PDF (in lại bằng "Microsoft Print to PDF" hoặc quét ở 150 dpi), giảm kích thước ảnh, hoặc tách thành nhiều tệp.',
      en: 'Compress the PDF (print it again to PDF or scan at 150 dpi), shrink the image, or split the file.',
    },
  },
  fileContentMismatch: {
    message: {
      vi: '{flag} {given}: tên tệp có đuôi {ext} nhưng nội dung là {detected}. Cần một tệp {ext} thật.',
      en: '{flag} {given}: the name ends in {ext} but the content is {detected}. Expected a real {ext} file.',
    },
    fix: {
      vi: 'Mở tệp gốc và lưu lại đúng định dạng; không đổi tên đuôi tệp bằng tay.',
      en: 'Open the original and save it in that format; do not just rename the extension.',
    },
  },
  tooFewFiles: {
    message: { vi: 'Cần ít nhất {min} tệp {flag}.', en: 'At least {min} {flag} file(s) needed.' },
    fix: { vi: 'Thêm {flag} ĐƯỜNG_DẪN_TỆP.', en: 'Add {flag} PATH.' },
  },
  tooManyFiles: {
    message: {
      vi: 'Chỉ nhận tối đa {max} tệp {flag} (đang có {count}).',
      en: 'At most {max} {flag} file(s) are accepted (got {count}).',
    },
    fix: { vi: 'Bớt các tùy chọn {flag} thừa.', en: 'Remove the extra {flag} options.' },
  },
  imageWithoutAlt: {
    message: {
      vi: 'Mỗi ảnh cần một mô tả cho người khiếm thị (TT 32/2017/TT-BTTTT Điều 18): {images} ảnh nhưng {alts} {altFlag}.',
      en: 'Each image needs a description for blind readers: {images} image(s) but {alts} {altFlag}.',
    },
    fix: {
      vi: 'Thêm một {altFlag} sau mỗi ảnh, ví dụ: {flag} anh.jpg {altFlag} "Học sinh dự lễ chào cờ".',
      en: 'Add one {altFlag} after each image, e.g. {flag} photo.jpg {altFlag} "Pupils at the flag ceremony".',
    },
  },

  // --- What would be written (`create.ts`, `school.ts`) --------------------------------------
  noSlug: {
    message: {
      vi: 'Không tạo được tên tệp từ tiêu đề (tiêu đề chỉ có dấu câu?).',
      en: 'No file name can be made from the title (only punctuation?).',
    },
    fix: { vi: 'Đặt tên bằng --slug ten-tep.', en: 'Name it with --slug file-name.' },
  },
  entryInvalid: {
    message: {
      vi: 'Chưa ghi tệp nào: nội dung sẽ tạo không hợp lệ.\n\n{issues}\n',
      en: 'Nothing was written: the content would not be valid.\n\n{issues}\n',
    },
    fix: {
      vi: 'Sửa giá trị của tùy chọn tương ứng rồi chạy lại lệnh.',
      en: 'Fix the value of the matching option and run the command again.',
    },
  },
  fileExists: {
    message: {
      vi: 'Đã có tệp {file} (cùng địa chỉ "{slug}"), không ghi đè.',
      en: '{file} already exists (same address "{slug}"); it is not overwritten.',
    },
    fix: {
      vi: 'Mở tệp đó để sửa, hoặc đặt tên khác bằng --slug TÊN-KHÁC.',
      en: 'Edit that file, or choose another name with --slug OTHER-NAME.',
    },
    exitCode: 1,
  },
  itemPublished: {
    message: {
      vi: 'Mục {item} của năm học {year} đã được đăng trong {file}; không ghi đè.',
      en: 'Item {item} of school year {year} is already published in {file}; it is not overwritten.',
    },
    fix: {
      vi: 'Mở tệp đó để sửa nội dung, ghi ngày cập nhật vào "updated".',
      en: 'Edit that file and put the date of the change in "updated".',
    },
    exitCode: 1,
  },
  badLevel: {
    message: {
      vi: '--level "{value}": cấp học không hợp lệ. Cần một hoặc nhiều trong: {levels} (mn mầm non, th tiểu học …).',
      en: '--level "{value}": not a level. Expected one or more of: {levels}.',
    },
    fix: {
      vi: 'Viết theo mẫu: --level thcs (nhiều cấp: --level th,thcs)',
      en: 'Write it like this: --level thcs (several: --level th,thcs)',
    },
  },
  badSchoolId: {
    message: {
      vi: '--id "{id}": mã trường chỉ gồm chữ thường không dấu, số và dấu gạch ngang.',
      en: '--id "{id}": lower-case ASCII letters, digits and hyphens only.',
    },
    fix: { vi: 'Viết theo mẫu: --id thcs-le-loi', en: 'Write it like this: --id thcs-le-loi' },
  },
  schoolExists: {
    message: { vi: 'Đã có thư mục {dir}, không ghi đè.', en: '{dir} already exists; it is not overwritten.' },
    fix: { vi: 'Chọn mã trường khác bằng --id, hoặc sửa trực tiếp {file}.', en: 'Choose another --id, or edit {file}.' },
    exitCode: 1,
  },
  domainTaken: {
    message: {
      vi: '--domain {domain}: trường "{other}" đã dùng tên miền này. Mỗi trường cần tên miền riêng.',
      en: '--domain {domain}: school "{other}" already uses this domain. Each school needs its own.',
    },
    fix: { vi: 'Chọn --domain khác.', en: 'Choose another --domain.' },
  },
  schoolYamlInvalid: {
    message: {
      vi: 'Chưa ghi tệp nào: school.yaml sẽ không hợp lệ.\n\n{issues}\n',
      en: 'Nothing was written: school.yaml would not be valid.\n\n{issues}\n',
    },
    fix: {
      vi: 'Sửa giá trị của tùy chọn tương ứng rồi chạy lại lệnh.',
      en: 'Fix the value of the matching option and run the command again.',
    },
  },
} as const satisfies Record<string, ScaffoldErrorData>;

export type ScaffoldErrorName = keyof typeof SCAFFOLD_ERRORS;
