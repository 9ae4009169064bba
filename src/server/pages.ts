/**
 * The server's own pages, rendered on the server as plain HTML (no script except the editor's):
 * the login form, a school's dashboard, the host's dashboard and the page that loads Decap CMS.
 * Vietnamese: they are for teachers and the hosting unit's staff.
 */
import type { Account, Publication } from './accounts.ts';
import type { Version } from './history.ts';
import type { PendingChange } from './review.ts';
import { nowInVietnam, formatDateVi } from '../util/dates.ts';
import { DECAP_LOCALE_SCRIPT } from '../dev/decap-locale.ts';

export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1b1b1b}
h1{font-size:1.5rem}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem;border-bottom:1px solid #ccc;vertical-align:top}
.fail{color:#a00000}.ok{color:#005a00}label{display:block;margin:.8rem 0 .2rem}input{font:inherit;padding:.4rem;width:18rem;max-width:100%}textarea{font:inherit;box-sizing:border-box;width:100%}
button{font:inherit;padding:.4rem 1rem;margin-top:1rem}.error{border-left:4px solid #a00000;padding:.2rem .8rem;background:#fff0f0}
pre{white-space:pre-wrap}nav{display:flex;gap:1rem;justify-content:space-between;align-items:baseline}nav form button{margin:0}`;

function layout(title: string, body: string, account?: Account, csrf?: string): string {
  const nav = account
    ? `<nav><span>${esc(account.name)} (${esc(roleLabel(account))})</span>
<form method="post" action="/logout"><input type="hidden" name="csrf" value="${esc(csrf ?? '')}"><button>Đăng xuất</button></form></nav>`
    : '';
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(title)} – Cổng Trường</title>
<style>${STYLE}</style>
</head>
<body>
${nav}
<main>
<h1>${esc(title)}</h1>
${body}
</main>
</body>
</html>`;
}

/** The account's rights in words: "quản trị đơn vị chủ quản", "biên tập viên trường alpha", "người duyệt trường alpha". */
export const roleLabel = (a: Pick<Account, 'role' | 'school'>): string =>
  a.role === 'admin' ? 'quản trị đơn vị chủ quản' : `${a.role === 'approver' ? 'người duyệt' : 'biên tập viên'} trường ${a.school ?? ''}`;

export function loginPage(token: string, message?: string, oidc?: { label: string }): string {
  return layout(
    'Đăng nhập soạn bài',
    `${message ? `<p class="error" role="alert">${esc(message)}</p>` : ''}
<form method="post" action="/login">
<input type="hidden" name="csrf" value="${esc(token)}">
<label for="login">Tên đăng nhập</label>
<input id="login" name="login" autocomplete="username" required>
<label for="password">Mật khẩu</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<div><button>Đăng nhập</button></div>
</form>
${oidc ? `<p><a href="/login/oidc">Đăng nhập bằng tài khoản ${esc(oidc.label)}</a></p>` : ''}
<p>Quên mật khẩu hoặc tài khoản bị khoá: liên hệ cán bộ quản trị của đơn vị chủ quản.</p>`,
  );
}

/** `14:05, 02/12/2026` in Vietnam time. */
export const whenVi = (ms: number): string => formatDateVi(nowInVietnam(new Date(ms)));

function publicationRows(list: Publication[], withSchool: boolean): string {
  if (list.length === 0) return '<p>Chưa có lần đăng nào.</p>';
  const kinds: Record<string, string> = {
    save: 'Lưu bài',
    delete: 'Xoá',
    upload: 'Tải tệp lên',
    scheduled: 'Đăng theo lịch',
    startup: 'Khởi động máy chủ',
    revert: 'Khôi phục phiên bản cũ',
    restore: 'Khôi phục bài đã xoá',
  };
  return `<table><thead><tr><th>Thời gian</th>${withSchool ? '<th>Trường</th>' : ''}<th>Việc</th><th>Người sửa</th><th>Kết quả</th></tr></thead><tbody>
${list
  .map(
    (p) =>
      `<tr><td>${esc(whenVi(p.at))}</td>${withSchool ? `<td>${esc(p.school)}</td>` : ''}<td>${esc(kinds[p.kind] ?? p.kind)}</td><td>${esc(p.authorName ?? '–')}</td><td class="${p.ok ? 'ok' : 'fail'}"><pre>${esc(p.message)}</pre></td></tr>`,
  )
  .join('\n')}
</tbody></table>`;
}

export function schoolDashboard(input: {
  account: Account;
  csrf: string;
  school: string;
  schoolName: string;
  publications: Publication[];
  /** The site's address, when it has been published. */
  address?: string | undefined;
  nextScheduled?: string | undefined;
  compliance?: { errors: number; warnings: number } | undefined;
  /** Items changed lately, each linked to its history. */
  recent?: Version[] | undefined;
  /** Review before publishing: whether it is on, the changes waiting and those returned lately. */
  review?: { on: boolean; pending: PendingChange[]; rejected: PendingChange[] } | undefined;
}): string {
  const failures = input.publications.filter((p) => !p.ok);
  return layout(
    input.schoolName,
    `<p><a href="/s/${esc(input.school)}/admin/">Soạn nội dung</a>${input.address ? ` · Trang web: <a href="https://${esc(input.address)}/">https://${esc(input.address)}/</a>` : ''}</p>
${input.compliance ? `<p class="${input.compliance.errors > 0 ? 'fail' : 'ok'}">Tuân thủ quy định khi đăng lần cuối: ${complianceText(input.compliance)}. Chi tiết: lệnh <code>congtruong check</code> hoặc trang tổng hợp của đơn vị chủ quản.</p>` : ''}
${input.nextScheduled ? `<p>Bài hẹn giờ tiếp theo được đăng lúc ${esc(formatDateVi(input.nextScheduled))}.</p>` : ''}
${input.review ? reviewSection(input.school, input.review) : ''}
<h2>Bài vừa sửa</h2>
${recentRows(input.school, input.recent ?? [])}
<p><a href="/s/${esc(input.school)}/history/deleted">Bài đã xoá (khôi phục)</a></p>
<h2>Lần đăng gần đây</h2>
${publicationRows(input.publications, false)}
<h2>Lỗi gần đây</h2>
${failures.length === 0 ? '<p class="ok">Không có lỗi.</p>' : publicationRows(failures, false)}`,
    input.account,
    input.csrf,
  );
}

function pendingRows(school: string, list: PendingChange[], withReason: boolean): string {
  return `<table><thead><tr><th>Thay đổi</th><th>Gửi lúc</th><th>Người gửi</th>${withReason ? '<th>Lý do trả lại</th>' : ''}</tr></thead><tbody>
${list
  .map(
    (c) =>
      `<tr><td><a href="/s/${esc(school)}/review/${c.id}">#${c.id}: ${esc(c.files.map((f) => f.rel).join(', '))}</a></td><td>${esc(whenVi(c.createdAt))}</td><td>${esc(c.authorName)}</td>${withReason ? `<td><pre class="fail">${esc(c.reason ?? '')}</pre><small>${esc(c.decidedBy ?? '')}, ${c.decidedAt ? esc(whenVi(c.decidedAt)) : ''}</small></td>` : ''}</tr>`,
  )
  .join('\n')}
</tbody></table>`;
}

function reviewSection(school: string, review: { on: boolean; pending: PendingChange[]; rejected: PendingChange[] }): string {
  if (!review.on && review.pending.length === 0 && review.rejected.length === 0) return '';
  return `<h2>Chờ duyệt</h2>
${review.on ? '<p>Trường này duyệt bài trước khi đăng: thay đổi của biên tập viên chỉ được đăng khi người duyệt đồng ý.</p>' : ''}
${review.pending.length === 0 ? '<p>Không có thay đổi nào chờ duyệt.</p>' : pendingRows(school, review.pending, false)}
${review.rejected.length === 0 ? '' : `<h2>Bị trả lại</h2>\n${pendingRows(school, review.rejected, true)}`}`;
}

/** One pending change: its files as sent beside the current ones, and the approver's buttons. */
export function reviewPage(input: {
  account: Account;
  csrf: string;
  school: string;
  change: PendingChange;
  /** The current text of each file (undefined: none, or not text). */
  current: (string | undefined)[];
  mayDecide: boolean;
  notice?: { ok: boolean; text: string } | undefined;
}): string {
  const c = input.change;
  const csrfField = `<input type="hidden" name="csrf" value="${esc(input.csrf)}">`;
  const files = c.files
    .map((f, i) => {
      const data = f.data === null ? null : Buffer.from(f.data, 'base64');
      const text = data && isText(f.rel) ? data.toString('utf8') : undefined;
      const proposed =
        data === null
          ? '<p class="fail">Xoá tệp này.</p>'
          : text !== undefined
            ? `<pre>${esc(text)}</pre>`
            : `<p>Tệp ${Math.ceil(data.length / 1024)} kB.</p>`;
      const now = input.current[i];
      return `<h3>${esc(f.rel)}</h3>
<h4>Bản gửi duyệt</h4>${proposed}
<h4>Bản đang đăng</h4>${now === undefined ? '<p>Chưa có.</p>' : `<pre>${esc(now)}</pre>`}`;
    })
    .join('\n');
  const states: Record<string, string> = {
    pending: 'Đang chờ duyệt.',
    approved: `Đã duyệt bởi ${c.decidedBy ?? ''}.`,
    rejected: `Đã trả lại bởi ${c.decidedBy ?? ''}: ${c.reason ?? ''}`,
    superseded: 'Đã có bản gửi sau thay thế.',
  };
  const actions =
    c.status === 'pending' && input.mayDecide
      ? `<form method="post" action="/s/${esc(input.school)}/review/${c.id}/approve">${csrfField}<button>Duyệt và đăng</button></form>
<form method="post" action="/s/${esc(input.school)}/review/${c.id}/reject">${csrfField}<label for="reason">Lý do trả lại (biên tập viên sẽ đọc)</label><textarea id="reason" name="reason" rows="3" cols="60" required></textarea><div><button>Trả lại</button></div></form>`
      : '';
  return layout(
    `Thay đổi #${c.id}`,
    `<p><a href="/s/${esc(input.school)}/">Về trang của trường</a></p>
${input.notice ? `<pre class="${input.notice.ok ? 'ok' : 'error'}" role="status">${esc(input.notice.text)}</pre>` : ''}
<p>${esc(c.authorName)} gửi lúc ${esc(whenVi(c.createdAt))}: ${esc(c.message)}</p>
<p class="${c.status === 'rejected' ? 'fail' : ''}">${esc(states[c.status] ?? c.status)}</p>
${actions}
${files}`,
    input.account,
    input.csrf,
  );
}

const isText = (rel: string) => /\.(md|ya?ml|json|txt)$/i.test(rel);

const complianceText = (c: { errors: number; warnings: number }) => `${c.errors} lỗi, ${c.warnings} cảnh báo`;

export function hostDashboard(input: {
  account: Account;
  csrf: string;
  schools: {
    id: string;
    name: string;
    last?: Publication | undefined;
    lastFailure?: Publication | undefined;
    failuresWeek: number;
    compliance?: { errors: number; warnings: number } | undefined;
    /** Review before publishing is on for this school. */
    review?: boolean | undefined;
  }[];
  users: Account[];
  /** The result of the last account action (a new password is shown here once). */
  notice?: { ok: boolean; text: string } | undefined;
}): string {
  const csrfField = `<input type="hidden" name="csrf" value="${esc(input.csrf)}">`;
  const rows = input.schools
    .map(
      (s) => `<tr><td><a href="/s/${esc(s.id)}/">${esc(s.name)}</a><br><small>${esc(s.id)}</small></td>
<td>${s.last ? `${esc(whenVi(s.last.at))}<br><small>${esc(s.last.authorName ?? 'tự động')}</small>` : '–'}</td>
<td class="${s.failuresWeek > 0 ? 'fail' : 'ok'}">${s.failuresWeek}</td>
<td class="${s.compliance && s.compliance.errors > 0 ? 'fail' : ''}">${s.compliance ? complianceText(s.compliance) : '–'}</td>
<td>${s.lastFailure ? `<pre class="fail">${esc(whenVi(s.lastFailure.at))}: ${esc(s.lastFailure.message)}</pre>` : '–'}</td>
<td><form method="post" action="/host/review">${csrfField}<input type="hidden" name="school" value="${esc(s.id)}">${s.review ? 'Có' : 'Không'} <button name="review" value="${s.review ? 'off' : 'on'}">${s.review ? 'Tắt duyệt bài' : 'Bật duyệt bài'}</button></form></td></tr>`,
    )
    .join('\n');
  const users = input.users
    .map(
      (u) =>
        `<tr><td>${esc(u.login)}</td><td>${esc(u.name)}</td><td>${u.role === 'admin' ? 'quản trị' : `${u.role === 'approver' ? 'duyệt' : 'biên tập'} ${esc(u.school ?? '')}`}</td><td>${u.disabled ? 'đã khoá' : u.lockedUntil && u.lockedUntil > Date.now() ? 'tạm khoá (sai mật khẩu)' : 'hoạt động'}</td>
<td><form method="post" action="/host/users">${csrfField}<input type="hidden" name="login" value="${esc(u.login)}"><button name="action" value="reset">Đặt lại mật khẩu</button> <button name="action" value="${u.disabled ? 'enable' : 'disable'}">${u.disabled ? 'Mở khoá' : 'Khoá'}</button></form></td></tr>`,
    )
    .join('\n');
  return layout(
    'Các trường của đơn vị',
    `<table><thead><tr><th>Trường</th><th>Cập nhật lần cuối (người sửa)</th><th>Lỗi đăng trong 7 ngày</th><th>Tuân thủ quy định</th><th>Lỗi gần nhất</th><th>Duyệt trước khi đăng</th></tr></thead><tbody>
${rows}
</tbody></table>
<h2>Tài khoản</h2>
${input.notice ? `<p class="${input.notice.ok ? 'ok' : 'error'}" role="status">${esc(input.notice.text)}</p>` : ''}
<p>Cũng làm được trên máy chủ bằng lệnh <code>congtruong users</code>.</p>
<table><thead><tr><th>Tên đăng nhập</th><th>Họ tên</th><th>Quyền</th><th>Trạng thái</th><th></th></tr></thead><tbody>
${users}
</tbody></table>
<h3>Tạo tài khoản</h3>
<form method="post" action="/host/users">${csrfField}<input type="hidden" name="action" value="add">
<label for="new-login">Tên đăng nhập (chữ thường không dấu, ví dụ gv.nguyen.lan)</label><input id="new-login" name="login" required>
<label for="new-name">Họ tên</label><input id="new-name" name="name" required>
<label for="new-email">Thư điện tử</label><input id="new-email" name="email" type="email" required>
<label for="new-school">Trường</label><select id="new-school" name="school">${input.schools.map((s) => `<option value="${esc(s.id)}">${esc(s.name)}</option>`).join('')}<option value="">Không (quản trị đơn vị chủ quản)</option></select>
<label for="new-role">Quyền</label><select id="new-role" name="role"><option value="editor">Biên tập viên của trường</option><option value="approver">Người duyệt bài của trường</option><option value="admin">Quản trị đơn vị chủ quản (mọi trường)</option></select>
<div><button>Tạo tài khoản</button></div>
</form>`,
    input.account,
    input.csrf,
  );
}

/**
 * The editor page. Decap CMS's proxy backend sends plain `fetch` requests; a small wrapper adds
 * the session's CSRF token to those for this school's API, and shows what the server says after
 * a save ("Đã đăng lúc 14:05: https://…", or the errors) in a live region, because Decap's own
 * notice only says that the entry was saved or not.
 */
export function editorPage(input: { school: string; schoolName: string; csrf: string }): string {
  const api = `/s/${input.school}/api/v1`;
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Soạn nội dung – ${esc(input.schoolName)}</title>
<link href="/s/${esc(input.school)}/admin/config.yml" type="text/yaml" rel="cms-config-url">
<style>#ct-status{color:#1b1b1b;position:fixed;bottom:1rem;right:1rem;max-width:40rem;max-height:60vh;overflow:auto;z-index:1000;font:15px/1.5 system-ui,sans-serif;white-space:pre-wrap;background:#fff;border:2px solid #005a00;padding:.6rem 1rem;box-shadow:0 2px 8px #0004}#ct-status.fail{border-color:#a00000}#ct-status:empty{display:none}</style>
</head>
<body>
<div id="ct-status" role="status" aria-live="polite"></div>
<script>
(() => {
  const csrf = ${JSON.stringify(input.csrf)};
  const api = ${JSON.stringify(api)};
  const status = document.getElementById('ct-status');
  const show = (text, ok, url) => {
    status.textContent = text;
    status.className = ok ? 'ok' : 'fail';
    if (url && ok) { status.append(' '); const a = document.createElement('a'); a.href = url; a.textContent = 'Xem trang'; a.target = '_blank'; status.append(a); }
  };
  // The server has already logged the teacher in: Decap's own "log in" button would only be a
  // second, empty step. Decap keeps its user in localStorage; the proxy backend has no token.
  if (!localStorage.getItem('decap-cms-user')) localStorage.setItem('decap-cms-user', JSON.stringify({ token: '', backendName: 'proxy' }));
  const original = window.fetch.bind(window);
  window.fetch = async (input, init = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (new URL(url, location.href).pathname.replace(/\\/$/, '') !== api) return original(input, init);
    const headers = new Headers(init.headers || {});
    headers.set('X-CSRF-Token', csrf);
    const response = await original(input, { ...init, headers, credentials: 'same-origin' });
    if (response.status === 401) { location.href = '/login'; return response; }
    const body = await response.clone().json().catch(() => null);
    if (body && body.publication) show(body.publication.message, body.publication.ok, body.publication.url);
    else if (body && body.error && response.status !== 404) show(body.error, false);
    return response;
  };
})();
</script>
<script src="/s/${esc(input.school)}/admin/decap-cms.js"></script>
${DECAP_LOCALE_SCRIPT}
</body>
</html>`;
}

const historyLink = (school: string, rel: string) => `/s/${esc(school)}/history/item?path=${esc(encodeURIComponent(rel))}`;

function recentRows(school: string, recent: Version[]): string {
  if (recent.length === 0) return '<p>Chưa có bài nào được sửa.</p>';
  return `<table><thead><tr><th>Bài</th><th>Sửa lần cuối</th><th>Người sửa</th><th></th></tr></thead><tbody>
${recent
  .map(
    (v) =>
      `<tr><td>${esc(v.rel)}</td><td>${esc(whenVi(v.at))}</td><td>${esc(v.author)}</td><td><a href="${historyLink(school, v.rel)}">Lịch sử</a></td></tr>`,
  )
  .join('\n')}
</tbody></table>`;
}

/** The versions of one item, newest first, each but the current one with a button to go back to it. */
export function itemHistoryPage(input: { account: Account; csrf: string; school: string; rel: string; versions: Version[] }): string {
  const current = input.versions.find((v) => !v.deleted);
  const rows = input.versions
    .map((v) => {
      const action = v.deleted
        ? 'Đã xoá'
        : v === current
          ? 'Phiên bản đang dùng'
          : `<form method="post" action="/s/${esc(input.school)}/history/revert"><input type="hidden" name="csrf" value="${esc(input.csrf)}"><input type="hidden" name="path" value="${esc(input.rel)}"><input type="hidden" name="commit" value="${esc(v.commit)}"><button>Khôi phục phiên bản này</button></form>`;
      return `<tr><td>${esc(whenVi(v.at))}</td><td>${esc(v.author)}</td><td>${esc(v.subject)}<br><small><code>${esc(v.commit.slice(0, 10))}</code>${v.rel !== input.rel ? ` · ${esc(v.rel)}` : ''}</small></td><td>${action}</td></tr>`;
    })
    .join('\n');
  return layout(
    `Lịch sử: ${input.rel}`,
    `<p><a href="/s/${esc(input.school)}/">Về trang của trường</a></p>
<p>Khôi phục một phiên bản cũ là một lần lưu mới: nội dung được kiểm tra, ghi lại với tên của bạn và đăng lên trang web. Các phiên bản khác vẫn còn trong lịch sử.</p>
${
  input.versions.length === 0
    ? '<p>Bài này chưa có trong lịch sử.</p>'
    : `<table><thead><tr><th>Thời gian</th><th>Người sửa</th><th>Thay đổi</th><th></th></tr></thead><tbody>
${rows}
</tbody></table>`
}`,
    input.account,
    input.csrf,
  );
}

/** Files of the school deleted earlier, each with a button to restore it. */
export function deletedItemsPage(input: { account: Account; csrf: string; school: string; deleted: Version[] }): string {
  const rows = input.deleted
    .map(
      (v) =>
        `<tr><td>${esc(v.rel)}</td><td>${esc(whenVi(v.at))}</td><td>${esc(v.author)}</td><td><form method="post" action="/s/${esc(input.school)}/history/restore"><input type="hidden" name="csrf" value="${esc(input.csrf)}"><input type="hidden" name="path" value="${esc(v.rel)}"><input type="hidden" name="commit" value="${esc(v.commit)}"><button>Khôi phục</button></form></td></tr>`,
    )
    .join('\n');
  return layout(
    'Bài đã xoá',
    `<p><a href="/s/${esc(input.school)}/">Về trang của trường</a></p>
${
  input.deleted.length === 0
    ? '<p>Không có bài nào đã xoá.</p>'
    : `<table><thead><tr><th>Bài</th><th>Xoá lúc</th><th>Người xoá</th><th></th></tr></thead><tbody>
${rows}
</tbody></table>`
}`,
    input.account,
    input.csrf,
  );
}

/** What a revert or a restore did: published, or refused with the errors. */
export function historyResultPage(input: {
  account: Account;
  csrf: string;
  school: string;
  rel: string;
  ok: boolean;
  message: string;
}): string {
  return layout(
    input.ok ? 'Đã khôi phục' : 'Chưa khôi phục',
    `<pre class="${input.ok ? 'ok' : 'error'}" role="status">${esc(input.message)}</pre>
<p><a href="${historyLink(input.school, input.rel)}">Lịch sử của ${esc(input.rel)}</a> · <a href="/s/${esc(input.school)}/">Về trang của trường</a></p>`,
    input.account,
    input.csrf,
  );
}
