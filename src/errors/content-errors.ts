/**
 * Content problems as data, with permanent names (people search for them).
 *
 * Each entry says what is wrong (`title`), what was expected (`expected`) and how to fix it
 * (`hint`), in Vietnamese for webmasters and in English. Arguments are formatted by the
 * caller (`ContentIssue.args`) and substituted for `{name}` placeholders.
 *
 * If you add an entry: keep the name stable forever, write full sentences without
 * exclamation marks, and add a fixture whose snapshot pins the text.
 */

export type Lang = 'vi' | 'en';
type Text = Record<Lang, string>;

export interface ContentErrorData {
  title: Text;
  expected: Text;
  hint: Text;
}

export const CONTENT_ERRORS = {
  required: {
    title: { vi: 'Thiếu mục bắt buộc.', en: 'A required field is missing.' },
    expected: { vi: '{expected}', en: '{expected}' },
    hint: {
      vi: 'Thêm dòng `{key}: …` vào đúng chỗ trong tệp (thụt lề như các mục bên cạnh).',
      en: 'Add a line `{key}: …` at the right place in the file (indented like its neighbours).',
    },
  },
  type: {
    title: { vi: 'Giá trị không đúng kiểu.', en: 'The value has the wrong type.' },
    expected: { vi: '{expected}', en: '{expected}' },
    hint: {
      vi: 'Sửa giá trị của `{field}` cho đúng kiểu như trên.',
      en: 'Change the value of `{field}` to the type above.',
    },
  },
  empty: {
    title: { vi: 'Giá trị đang để trống.', en: 'The value is empty.' },
    expected: { vi: 'Một nội dung không rỗng.', en: 'A non-empty value.' },
    hint: { vi: 'Điền nội dung cho `{field}`.', en: 'Fill in `{field}`.' },
  },
  enum: {
    title: { vi: 'Giá trị không nằm trong danh sách cho phép.', en: 'The value is not one of the allowed values.' },
    expected: { vi: 'Một trong: {options}.', en: 'One of: {options}.' },
    hint: { vi: '{suggestion}', en: '{suggestion}' },
  },
  unknownKey: {
    title: { vi: 'Mục này không được hỗ trợ.', en: 'This field is not supported.' },
    expected: { vi: 'Chỉ các mục đã mô tả trong tài liệu.', en: 'Only the documented fields.' },
    hint: { vi: '{suggestion}', en: '{suggestion}' },
  },
  date: {
    title: { vi: 'Ngày không hợp lệ.', en: 'The date is not valid.' },
    expected: {
      vi: 'Một ngày có thật, viết dạng YYYY-MM-DD (ví dụ 2025-09-05) hoặc DD/MM/YYYY (05/09/2025).',
      en: 'A real date written YYYY-MM-DD (e.g. 2025-09-05) or DD/MM/YYYY (05/09/2025).',
    },
    hint: {
      vi: 'Kiểm tra ngày, tháng có tồn tại không (tháng 2 có 28 hoặc 29 ngày) và viết đủ 4 chữ số của năm.',
      en: 'Check that the day exists in that month (February has 28 or 29 days) and write the year with 4 digits.',
    },
  },
  schoolYear: {
    title: { vi: 'Năm học không hợp lệ.', en: 'The school year is not valid.' },
    expected: {
      vi: 'Hai năm liền nhau nối bằng dấu gạch ngang, ví dụ 2025-2026.',
      en: 'Two consecutive years joined by a hyphen, e.g. 2025-2026.',
    },
    hint: {
      vi: 'Viết năm học dạng 2025-2026 (năm sau lớn hơn năm trước đúng 1).',
      en: 'Write the school year as 2025-2026 (the second year is the first plus one).',
    },
  },
  email: {
    title: { vi: 'Địa chỉ thư điện tử không hợp lệ.', en: 'The e-mail address is not valid.' },
    expected: { vi: 'Một địa chỉ dạng ten@truong.edu.vn.', en: 'An address such as name@school.edu.vn.' },
    hint: {
      vi: 'Kiểm tra dấu @, tên miền và bỏ khoảng trắng.',
      en: 'Check the @ sign and the domain, and remove spaces.',
    },
  },
  phone: {
    title: { vi: 'Số điện thoại không hợp lệ.', en: 'The phone number is not valid.' },
    expected: {
      vi: 'Số bắt đầu bằng 0 hoặc +84, gồm 9 đến 11 chữ số, ví dụ 0269 3812 345.',
      en: 'A number starting with 0 or +84, 9 to 11 digits, e.g. 0269 3812 345.',
    },
    hint: {
      vi: 'Viết số điện thoại trong dấu nháy kép, ví dụ "0269 3812 345", để không mất số 0 ở đầu.',
      en: 'Put the number in double quotes, e.g. "0269 3812 345", so that the leading 0 is kept.',
    },
  },
  url: {
    title: { vi: 'Địa chỉ trang web không hợp lệ.', en: 'The web address is not valid.' },
    expected: {
      vi: 'Một địa chỉ đầy đủ bắt đầu bằng https:// (hoặc http://).',
      en: 'A full address starting with https:// (or http://).',
    },
    hint: { vi: 'Sao chép nguyên địa chỉ từ thanh địa chỉ của trình duyệt.', en: "Copy the address from the browser's address bar." },
  },
  domain: {
    title: { vi: 'Tên miền không hợp lệ.', en: 'The domain name is not valid.' },
    expected: {
      vi: 'Chỉ tên miền, chữ thường, không có https:// hay dấu /, ví dụ thcsleloi.songxanh.edu.vn.',
      en: 'Just the host name in lower case, without https:// or /, e.g. thcsleloi.songxanh.edu.vn.',
    },
    hint: { vi: 'Bỏ phần https:// và dấu / ở cuối.', en: 'Remove https:// and any trailing /.' },
  },
  color: {
    title: { vi: 'Mã màu không hợp lệ.', en: 'The colour code is not valid.' },
    expected: { vi: 'Mã màu dạng #rrggbb, ví dụ "#0b4f8a".', en: 'A colour written #rrggbb, e.g. "#0b4f8a".' },
    hint: {
      vi: 'Viết mã màu trong dấu nháy kép vì dấu # bắt đầu một chú thích trong YAML.',
      en: 'Quote the colour, because # starts a comment in YAML.',
    },
  },
  contrast: {
    title: { vi: 'Màu không đủ tương phản với nền trắng.', en: 'The colour does not contrast enough with white.' },
    expected: {
      vi: 'Độ tương phản với màu trắng ít nhất {min}:1 (WCAG 2.1 mức AA); màu này chỉ đạt {ratio}:1.',
      en: 'A contrast with white of at least {min}:1 (WCAG 2.1 AA); this colour reaches {ratio}:1.',
    },
    hint: {
      vi: 'Chọn màu đậm hơn, ví dụ "#0b4f8a" (xanh đậm), "#1b5e20" (xanh lá đậm) hoặc "#8a1c1c" (đỏ đậm).',
      en: 'Pick a darker colour, e.g. "#0b4f8a" (dark blue), "#1b5e20" (dark green) or "#8a1c1c" (dark red).',
    },
  },
  number: {
    title: { vi: 'Số không hợp lệ.', en: 'The number is not valid.' },
    expected: { vi: '{expected}', en: '{expected}' },
    hint: { vi: 'Sửa giá trị của `{field}`.', en: 'Change the value of `{field}`.' },
  },
  yamlSyntax: {
    title: { vi: 'Lỗi cú pháp YAML.', en: 'YAML syntax error.' },
    expected: {
      vi: 'Mỗi dòng dạng `tên: giá trị`, thụt lề bằng dấu cách (không dùng Tab).',
      en: 'Lines of the form `name: value`, indented with spaces (no tabs).',
    },
    hint: {
      vi: 'Xem dòng được chỉ ra: {detail} Nếu giá trị có dấu hai chấm hoặc dấu #, hãy đặt nó trong dấu nháy kép.',
      en: 'Look at the line shown: {detail} If a value contains a colon or #, put it in double quotes.',
    },
  },
  csvSyntax: {
    title: { vi: 'Lỗi cú pháp CSV: có dấu nháy kép mở mà không đóng.', en: 'CSV syntax error: a double quote is opened and never closed.' },
    expected: {
      vi: 'Mỗi trường một dòng, các cột cách nhau bằng dấu phẩy hoặc dấu chấm phẩy; ô có dấu phẩy, dấu chấm phẩy hoặc xuống dòng đặt trong cặp dấu nháy kép.',
      en: 'One school per line, columns separated by commas or semicolons; a cell with a comma, semicolon or line break inside a pair of double quotes.',
    },
    hint: {
      vi: 'Thêm dấu nháy kép đóng cho ô bắt đầu từ dòng được chỉ ra, hoặc lưu lại tệp từ Excel bằng "CSV UTF-8".',
      en: 'Close the double quote of the cell that starts on the line shown, or save the file again from Excel as "CSV UTF-8".',
    },
  },
  frontMatterMissing: {
    title: { vi: 'Tệp thiếu phần thông tin đầu tệp.', en: 'The file has no front matter.' },
    expected: {
      vi: 'Tệp bắt đầu bằng một dòng `---`, các dòng thông tin, rồi một dòng `---`.',
      en: 'The file starts with a `---` line, the fields, then another `---` line.',
    },
    hint: {
      vi: 'Sao chép phần đầu của một tệp mẫu trong cùng thư mục rồi sửa lại.',
      en: 'Copy the top of a sample file in the same folder and edit it.',
    },
  },
  notAnObject: {
    title: { vi: 'Phần thông tin không phải danh sách `tên: giá trị`.', en: 'The fields are not a `name: value` map.' },
    expected: { vi: 'Các dòng dạng `tên: giá trị`.', en: 'Lines of the form `name: value`.' },
    hint: { vi: 'Kiểm tra lại cách thụt lề và dấu hai chấm.', en: 'Check indentation and colons.' },
  },
  fileMissing: {
    title: { vi: 'Không tìm thấy tệp đính kèm.', en: 'The attached file does not exist.' },
    expected: {
      vi: 'Đường dẫn tới một tệp có trong thư mục của trường, tính từ thư mục đó (ví dụ media/tep/ke-hoach.pdf).',
      en: "A path to a file inside the school's folder, relative to it (e.g. media/tep/ke-hoach.pdf).",
    },
    hint: {
      vi: 'Chép tệp vào {dir} hoặc sửa lại tên tệp (chú ý chữ hoa, chữ thường và dấu).{suggestion}',
      en: 'Copy the file into {dir} or fix the name (mind upper/lower case and accents).{suggestion}',
    },
  },
  fileOutside: {
    title: { vi: 'Tệp nằm ngoài thư mục của trường.', en: "The file is outside the school's folder." },
    expected: {
      vi: 'Một đường dẫn tương đối bên trong thư mục của trường, không có `../`, không bắt đầu bằng `/`, không phải liên kết tượng trưng ra ngoài.',
      en: "A relative path inside the school's folder: no `../`, no leading `/`, no symlink pointing outside.",
    },
    hint: {
      vi: 'Chép tệp vào thư mục media/ của trường rồi ghi đường dẫn dạng media/ten-tep.pdf.',
      en: "Copy the file into the school's media/ folder and write media/file-name.pdf.",
    },
  },
  duplicateSlug: {
    title: { vi: 'Hai tệp có cùng địa chỉ trang.', en: 'Two files produce the same page address.' },
    expected: { vi: 'Mỗi tệp một địa chỉ riêng.', en: 'One address per file.' },
    hint: {
      vi: 'Đổi tên một trong hai tệp; tệp kia là {other}.',
      en: 'Rename one of the two files; the other one is {other}.',
    },
  },
  badFileName: {
    title: { vi: 'Tên tệp không tạo được địa chỉ trang.', en: 'The file name does not give a page address.' },
    expected: { vi: 'Tên tệp có chữ hoặc số, đuôi .md.', en: 'A file name with letters or digits, ending in .md.' },
    hint: { vi: 'Đổi tên tệp, ví dụ le-khai-giang.md.', en: 'Rename the file, e.g. le-khai-giang.md.' },
  },
  schoolYearFolder: {
    title: { vi: 'Tên thư mục năm học không hợp lệ.', en: 'The school-year folder name is not valid.' },
    expected: {
      vi: 'Thư mục công khai đặt tên theo năm học, ví dụ disclosures/2025-2026/.',
      en: 'Disclosure folders are named after the school year, e.g. disclosures/2025-2026/.',
    },
    hint: { vi: 'Đổi tên thư mục thành dạng 2025-2026.', en: 'Rename the folder to the form 2025-2026.' },
  },
  duplicateDomain: {
    title: { vi: 'Hai trường dùng chung một tên miền.', en: 'Two schools use the same domain.' },
    expected: { vi: 'Mỗi trường một tên miền riêng.', en: 'One domain per school.' },
    hint: {
      vi: 'Sửa `domain` của một trong hai trường; trường kia là {other}.',
      en: 'Change `domain` of one of the two; the other is {other}.',
    },
  },
  unsafeHtml: {
    title: { vi: 'Nội dung có mã HTML không an toàn và đã bị loại bỏ.', en: 'Unsafe HTML in the content was removed.' },
    expected: {
      vi: 'Văn bản Markdown; không dùng <script>, thuộc tính on…, liên kết javascript: hay iframe ngoài danh sách cho phép.',
      en: 'Markdown text; no <script>, on… attributes, javascript: links or iframes outside the allow-list.',
    },
    hint: {
      vi: 'Bỏ đoạn mã đó; video YouTube thì dán liên kết nhúng https://www.youtube.com/embed/….',
      en: 'Remove that code; for YouTube videos use an https://www.youtube.com/embed/… iframe.',
    },
  },
  badSchoolId: {
    title: { vi: 'Tên thư mục trường không hợp lệ.', en: 'The school folder name is not valid.' },
    expected: {
      vi: 'Chữ thường không dấu, số và dấu gạch ngang, ví dụ thcs-le-loi; không dùng tên "host".',
      en: 'Lower-case letters without accents, digits and hyphens, e.g. thcs-le-loi; not "host".',
    },
    hint: { vi: 'Đổi tên thư mục thành {suggestion}.', en: 'Rename the folder to {suggestion}.' },
  },
  missingSchoolYaml: {
    title: { vi: 'Thư mục trường thiếu tệp school.yaml.', en: 'The school folder has no school.yaml.' },
    expected: { vi: 'Mỗi thư mục trường có một tệp school.yaml.', en: 'Every school folder has a school.yaml.' },
    hint: {
      vi: 'Chép school.yaml của một trường mẫu vào thư mục này rồi sửa thông tin.',
      en: 'Copy school.yaml from a demo school into this folder and edit it.',
    },
  },
  unreadableFile: {
    title: { vi: 'Không đọc được tệp.', en: 'The file could not be read.' },
    expected: {
      vi: 'Một tệp hoặc thư mục đọc được (lỗi của hệ thống: {reason}).',
      en: 'A readable file or folder (system error: {reason}).',
    },
    hint: {
      vi: 'Kiểm tra tệp còn đó, không phải lối tắt hỏng và người chạy lệnh dựng trang có quyền đọc; nếu đang sửa hoặc đổi tên tệp thì chạy lại sau khi xong. Trang đang xuất bản của trường được giữ nguyên.',
      en: 'Check that the file still exists, is not a broken link and is readable by the user running the build; if it was being edited or renamed, build again when done. The published site of the school is kept.',
    },
  },
  activeFile: {
    title: {
      vi: 'Loại tệp này có thể chạy mã trên trang web của trường nên không được đăng.',
      en: "This type of file can run code on the school's site, so it is not published.",
    },
    expected: {
      vi: 'Tệp đính kèm là tài liệu hoặc ảnh: {allowed}. Tệp {ext} (trang web, mã JavaScript, ảnh SVG…) không được nhận.',
      en: 'Attachments are documents or images: {allowed}. {ext} files (web pages, JavaScript, SVG images…) are refused.',
    },
    hint: {
      vi: 'Trang web: mở bằng trình duyệt, chọn In → Lưu thành PDF rồi đính kèm tệp PDF. Ảnh SVG (ví dụ biểu trưng): xuất thành PNG. Nội dung cần hiển thị trên trang thì viết vào tệp .md.',
      en: 'A web page: open it in a browser, Print → Save as PDF and attach the PDF. An SVG image (e.g. a logo): export it as PNG. Content to show on the page belongs in a .md file.',
    },
  },
  fileTypeRefused: {
    title: { vi: 'Loại tệp này không được đăng lên trang web.', en: 'This type of file is not published.' },
    expected: { vi: 'Một trong các loại tệp: {allowed}. Tệp này có đuôi {ext}.', en: 'One of: {allowed}. This file ends in {ext}.' },
    hint: {
      vi: 'Lưu tệp thành PDF (hoặc DOCX, XLSX) rồi sửa lại đường dẫn.',
      en: 'Save the file as PDF (or DOCX, XLSX) and change the path.',
    },
  },
  fileContentMismatch: {
    title: { vi: 'Nội dung tệp không đúng với đuôi tên tệp.', en: "The file's content does not match its extension." },
    expected: {
      vi: 'Một tệp {ext} thật; nội dung tệp này là {detected}.',
      en: 'A real {ext} file; the content of this one is {detected}.',
    },
    hint: {
      vi: 'Mở tệp gốc và lưu lại đúng định dạng (ví dụ trong Word: Lưu thành → PDF); không đổi đuôi tệp bằng tay.',
      en: 'Open the original and save it in that format (e.g. in Word: Save as → PDF); do not just rename the extension.',
    },
  },
  fileEmpty: {
    title: { vi: 'Tệp rỗng (0 byte).', en: 'The file is empty (0 bytes).' },
    expected: { vi: 'Một tệp có nội dung.', en: 'A file with content.' },
    hint: {
      vi: 'Chép lại tệp từ máy gốc (tệp có thể bị hỏng khi sao chép hoặc tải lên).',
      en: 'Copy the file again from the original (it may have been damaged when copied or uploaded).',
    },
  },
  fileTooLarge: {
    title: { vi: 'Tệp quá lớn.', en: 'The file is too large.' },
    expected: { vi: 'Tệp không quá {max}; tệp này nặng {size}.', en: 'At most {max}; this file is {size}.' },
    hint: {
      vi: 'Nén PDF (in lại bằng "Microsoft Print to PDF" hoặc quét ở 150 dpi), giảm kích thước ảnh, hoặc tách thành nhiều tệp. Bài viết quá dài thì tách thành nhiều bài hoặc đính kèm dưới dạng PDF.',
      en: 'Compress the PDF (print it again to PDF or scan at 150 dpi), shrink the image, or split the file. An article that long should be split or attached as a PDF.',
    },
  },
  imageUnreadable: {
    title: {
      vi: 'Không đọc được ảnh (ảnh hỏng, chưa chép xong hoặc không phải ảnh).',
      en: 'The image cannot be read (damaged, incompletely copied, or not an image).',
    },
    expected: {
      vi: 'Một ảnh JPEG, PNG, WebP hoặc GIF đọc được (lỗi khi đọc: {detail}).',
      en: 'A readable JPEG, PNG, WebP or GIF image (decoder said: {detail}).',
    },
    hint: {
      vi: 'Mở ảnh bằng trình xem ảnh trên máy rồi lưu lại thành JPEG hoặc PNG, hoặc chép lại từ máy chụp. Ảnh HEIC của iPhone: chọn "Xuất/Lưu thành JPEG".',
      en: 'Open the image in a viewer and save it again as JPEG or PNG, or copy it again from the camera. iPhone HEIC photos: export them as JPEG.',
    },
  },
  imageTooLarge: {
    title: { vi: 'Ảnh có quá nhiều điểm ảnh.', en: 'The image has too many pixels.' },
    expected: {
      vi: 'Ảnh không quá {max} triệu điểm ảnh; ảnh này {size} điểm ảnh.',
      en: 'At most {max} megapixels; this image is {size} pixels.',
    },
    hint: {
      vi: 'Thu nhỏ ảnh (ví dụ cạnh dài 3000 điểm ảnh là đủ cho trang web) rồi lưu lại.',
      en: 'Shrink the image (a long side of 3000 pixels is plenty for the web) and save it again.',
    },
  },
  yamlAliases: {
    title: { vi: 'YAML dùng quá nhiều bí danh (*tên) hoặc quá lớn.', en: 'The YAML uses too many aliases (*name) or is too large.' },
    expected: {
      vi: 'Các dòng `tên: giá trị` viết thẳng; bí danh (&tên, *tên) chỉ dùng vài lần.',
      en: 'Plain `name: value` lines; aliases (&name, *name) used only a few times.',
    },
    hint: {
      vi: 'Viết trực tiếp giá trị thay cho *tên, hoặc chép lại tệp mẫu rồi điền thông tin.',
      en: 'Write the values out instead of *name, or start again from a sample file.',
    },
  },
  badEncoding: {
    title: { vi: 'Tệp không được lưu bằng bảng mã UTF-8.', en: 'The file is not saved as UTF-8.' },
    expected: {
      vi: 'Văn bản UTF-8 (tiếng Việt có dấu hiển thị đúng). Tệp này có ký tự của bảng mã khác (Windows-1258, TCVN3, Latin-1…).',
      en: 'UTF-8 text (Vietnamese accents shown correctly). This file has bytes of another encoding (Windows-1258, TCVN3, Latin-1…).',
    },
    hint: {
      vi: 'Mở tệp bằng Notepad hoặc VS Code, chọn Lưu thành (Save as) với bảng mã UTF-8; gõ lại các chữ có dấu bị lỗi ở dòng được chỉ ra. Bộ gõ Unikey: chọn bảng mã Unicode.',
      en: 'Open the file in Notepad or VS Code and Save as with the UTF-8 encoding; retype the broken accented letters on the line shown. With Unikey, pick the Unicode charset.',
    },
  },
  futureDate: {
    title: { vi: 'Ngày ở quá xa trong tương lai.', en: 'The date is far in the future.' },
    expected: {
      vi: 'Ngày đăng hoặc ngày ban hành không quá {limit} (hết năm học sau); bài có ngày tương lai chỉ hiện trên trang từ ngày đó.',
      en: 'A publication or issue date not after {limit} (the end of next school year); an item dated in the future is published only from that date.',
    },
    hint: {
      vi: 'Kiểm tra năm (ví dụ 2026 chứ không phải 2062) và viết ngày dạng YYYY-MM-DD.',
      en: 'Check the year (e.g. 2026, not 2062) and write the date as YYYY-MM-DD.',
    },
  },
  domainOwned: {
    title: { vi: 'Tên miền này đang là trang web của một trường khác.', en: "This domain is another school's published site." },
    expected: {
      vi: 'Mỗi trường một tên miền riêng; {domain} đang thuộc về {other}.',
      en: 'One domain per school; {domain} belongs to {other}.',
    },
    hint: {
      vi: 'Sửa `domain` về đúng tên miền của trường. Nếu tên miền thật sự được chuyển cho trường này, hãy sửa `domain` của {other} trước và dựng lại trang của trường đó.',
      en: "Change `domain` back to the school's own domain. If the domain really moves to this school, change the domain of {other} first and build it.",
    },
  },
  publishedNameClash: {
    title: { vi: 'Hai tệp có cùng địa chỉ trên trang web.', en: 'Two files get the same address on the site.' },
    expected: {
      vi: 'Mỗi tệp một tên riêng sau khi bỏ dấu và đuôi ảnh; tệp này trùng với {other}.',
      en: 'One name per file once accents (and image extensions) are dropped; this file clashes with {other}.',
    },
    hint: {
      vi: 'Đổi tên một trong hai tệp (ví dụ thêm -2) rồi sửa lại đường dẫn.',
      en: 'Rename one of the two files (e.g. add -2) and change the path.',
    },
  },
} as const satisfies Record<string, ContentErrorData>;

export type ContentErrorName = keyof typeof CONTENT_ERRORS;
