/**
 * The browser editor speaks Vietnamese everywhere: every phrase Decap CMS has in English has a
 * Vietnamese one (Decap's own, or ours where Decap leaves it in English), and the editor pages
 * register them.
 */
import { describe, expect, it } from 'vitest';
import { DECAP_LOCALE_SCRIPT, decapPhrases, vietnamesePhrases } from '../../src/dev/decap-locale.ts';

type Phrases = { [key: string]: string | Phrases };
function leaves(p: Phrases, prefix = ''): [string, string][] {
  return Object.entries(p).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  );
}

describe('Decap CMS in Vietnamese', () => {
  it('has a Vietnamese phrase for every English one (login providers the server does not use aside)', async () => {
    const en = new Map(leaves(await decapPhrases('en')));
    const vi = new Map(leaves(await vietnamesePhrases()));
    const missing = [...en.keys()].filter((k) => !vi.has(k) && !/^auth\.loginWith/.test(k));
    expect(missing).toEqual([]);
  });

  it('names in Vietnamese the labels teachers saw in English', async () => {
    const vi = new Map(leaves(await vietnamesePhrases()));
    expect(vi.get('app.app.loadingConfig')).toBe('Đang tải cấu hình...');
    expect(vi.get('editor.editorWidgets.image.replaceUrl')).toBe('Thay bằng địa chỉ (URL)');
    expect(vi.get('editor.editorWidgets.file.replaceUrl')).toBe('Thay bằng địa chỉ (URL)');
    expect(vi.get('mediaLibrary.mediaLibraryCard.copyPath')).toBe('Sao chép đường dẫn');
    expect(vi.get('mediaLibrary.mediaLibraryCard.copyName')).toBe('Sao chép tên tệp');
    expect(vi.get('editor.editorWidgets.list.add')).toBe('Thêm %{item}');
  });

  it('is registered by a script the editor pages carry, safe inside <script>', () => {
    expect(DECAP_LOCALE_SCRIPT.startsWith("<script>CMS.registerLocale('vi', {")).toBe(true);
    expect(DECAP_LOCALE_SCRIPT.slice(8, -9)).not.toContain('<');
  });
});
