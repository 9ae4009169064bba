/**
 * Decap CMS in Vietnamese, every label: Decap's own Vietnamese phrases leave about seventy in
 * English ("Replace with URL", "Copy Path", "Add …", the Markdown toolbar). The editor page
 * registers Decap's phrases completed with ours, after `decap-cms.js` and before the editor
 * reads its configuration (which names the locale `vi`).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

type Phrases = { [key: string]: string | Phrases };

/** The phrases Decap's `vi` locale lacks, under Decap's own keys. */
export const MISSING_VI: Phrases = {
  collection: {
    collectionTop: { viewAsList: 'Xem dạng danh sách', viewAsGrid: 'Xem dạng lưới', groupBy: 'Nhóm theo' },
    entries: { unpublishedHeader: 'Mục chưa đăng' },
    groups: { other: 'Khác', negateLabel: 'Không phải %{label}' },
  },
  editor: {
    editorControl: { field: { widgetLabel: 'Trường %{widgetLabel}' } },
    editorControlPane: {
      i18n: {
        writingInLocale: 'Đang viết bằng %{locale}',
        copyFromLocale: 'Điền từ ngôn ngữ khác',
        copyFromLocaleConfirm: 'Điền dữ liệu từ ngôn ngữ %{locale}?\nMọi nội dung hiện có sẽ bị ghi đè.',
      },
    },
    editorInterface: {
      toggleI18n: 'Bật/tắt đa ngôn ngữ',
      togglePreview: 'Bật/tắt xem trước',
      toggleScrollSync: 'Cuộn đồng thời',
      toggleNotes: 'Bật/tắt ghi chú',
    },
    editorNotesPane: {
      title: 'Ghi chú',
      emptyState: 'Chưa có ghi chú. Thêm ghi chú đầu tiên bên dưới.',
      addNote: 'Thêm ghi chú',
      addPlaceholder: 'Thêm một ghi chú...',
      editPlaceholder: 'Sửa ghi chú...',
      save: 'Lưu',
      cancel: 'Hủy',
      edit: 'Sửa',
      delete: 'Xóa',
      resolve: 'Đánh dấu đã xử lý',
      unresolve: 'Mở lại',
      confirmDelete: 'Bạn có chắc muốn xóa ghi chú này?',
      shortcut: 'Mẹo: nhấn Ctrl+Enter để thêm ghi chú nhanh',
    },
    editorToolbar: {
      statusInfoTooltipDraft: 'Mục đang ở trạng thái nháp. Để gửi duyệt, chuyển trạng thái sang "Đang duyệt".',
      statusInfoTooltipInReview: 'Mục đang được duyệt, không cần làm gì thêm. Bạn vẫn có thể sửa trong lúc chờ duyệt.',
    },
    editorWidgets: {
      markdown: {
        bold: 'Đậm',
        italic: 'Nghiêng',
        strikethrough: 'Gạch ngang',
        code: 'Mã',
        link: 'Liên kết',
        linkPrompt: 'Nhập địa chỉ của liên kết',
        headings: 'Tiêu đề',
        quote: 'Trích dẫn',
        bulletedList: 'Danh sách dấu chấm',
        numberedList: 'Danh sách đánh số',
        addComponent: 'Thêm thành phần',
        toggleMode: { rich: 'Chuyển sang chế độ soạn thảo trực quan', markdown: 'Chuyển sang chế độ Markdown' },
      },
      image: {
        chooseMultiple: 'Chọn ảnh',
        chooseUrl: 'Chèn từ địa chỉ (URL)',
        replaceUrl: 'Thay bằng địa chỉ (URL)',
        promptUrl: 'Nhập địa chỉ của ảnh',
        addMore: 'Thêm ảnh',
        removeAll: 'Xóa mọi ảnh',
      },
      file: {
        chooseUrl: 'Chèn từ địa chỉ (URL)',
        chooseMultiple: 'Chọn tệp',
        replaceUrl: 'Thay bằng địa chỉ (URL)',
        promptUrl: 'Nhập địa chỉ của tệp',
        addMore: 'Thêm tệp',
        removeAll: 'Xóa mọi tệp',
      },
      datetime: { setToNow: 'Đặt %{fieldLabel} là bây giờ' },
      list: { add: 'Thêm %{item}', addType: 'Thêm %{item}' },
      object: { expand: 'Mở rộng', collapse: 'Thu gọn' },
    },
  },
  mediaLibrary: {
    mediaLibraryCard: {
      copy: 'Sao chép',
      copyUrl: 'Sao chép địa chỉ',
      copyPath: 'Sao chép đường dẫn',
      copyName: 'Sao chép tên tệp',
      copied: 'Đã sao chép',
    },
    mediaLibraryModal: { close: 'Đóng' },
  },
  ui: {
    settingsDropdown: { account: 'Tùy chọn tài khoản' },
    toast: {
      noteAdded: 'Đã thêm ghi chú',
      onFailToAddNote: 'Không thêm được ghi chú: %{details}',
      noteUpdated: 'Đã cập nhật ghi chú',
      onFailToUpdateNote: 'Không cập nhật được ghi chú: %{details}',
      noteDeleted: 'Đã xóa ghi chú',
      onFailToDeleteNote: 'Không xóa được ghi chú: %{details}',
      noteResolved: 'Đã đánh dấu ghi chú đã xử lý',
      noteReopened: 'Đã mở lại ghi chú',
      onFailToToggleNote: 'Không đổi được trạng thái ghi chú: %{details}',
    },
  },
};

function merge(base: Phrases, extra: Phrases): Phrases {
  const out: Phrases = { ...base };
  for (const [k, v] of Object.entries(extra)) {
    const b = out[k];
    out[k] = typeof v === 'object' && typeof b === 'object' ? merge(b, v) : typeof v === 'object' ? merge({}, v) : (b ?? v);
  }
  return out;
}

/** Decap's phrases in `lang` (`en`, `vi`), from the installed package's sources. */
export async function decapPhrases(lang: 'en' | 'vi'): Promise<Phrases> {
  const root = path.dirname(createRequire(import.meta.url).resolve('decap-cms-locales/package.json'));
  const mod = (await import(pathToFileURL(path.join(root, 'src', lang, 'index.js')).href)) as { default: Phrases };
  return mod.default;
}

/** Decap's Vietnamese phrases completed with ours (Decap's own translations win). */
export async function vietnamesePhrases(): Promise<Phrases> {
  return merge(await decapPhrases('vi'), MISSING_VI);
}

/**
 * `<script>` registering the complete Vietnamese phrases; placed right after `decap-cms.js`.
 * Built once when the module loads (the editor pages are written synchronously).
 */
export const DECAP_LOCALE_SCRIPT: string = await vietnamesePhrases().then(
  // `<` escaped: the JSON sits inside a <script> element.
  (vi) => `<script>CMS.registerLocale('vi', ${JSON.stringify(vi).replace(/</g, '\\u003c')});</script>`,
);
