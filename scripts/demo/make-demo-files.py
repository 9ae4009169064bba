#!/usr/bin/python3
"""
Tạo các tệp nhị phân của nội dung mẫu / Generates the binary files of the demo content.

The Markdown and YAML under `content/` are written by hand. This script reads them, finds
every file they refer to (front-matter fields `file`, `src`, `photo`, `logo`, plus images and
links to local files in the Markdown bodies) and writes those files:

- PDF and DOCX: from the entry that refers to them (a văn bản, a công khai item, a tuyển sinh
  plan …), laid out like a Vietnamese administrative document (NĐ 30/2020/NĐ-CP header and
  signature block), with the entry's Markdown body as the text. Files under `media/mau-don/`
  and the feedback sheet `phieu-gop-y` come from the form templates in `FORMS` instead, and
  the drafts put to consultation (`du-thao-…`) from `DRAFTS`.
  The text is real and extractable (DejaVu fonts, Unicode), so that search can index it.
- JPEG: abstract illustrations (no people, no real places), chosen by keywords of the file
  name (see `MOTIFS`); alt texts in the content describe them as illustrations.
- PNG: the school's logo (initials on a disc in its primary colour) and `so-do-to-chuc.png`,
  the organisation chart (see `ORG_CHARTS`).

The output is deterministic: running the script twice gives the same bytes. Files that are not
referenced any more are listed, not deleted.

Needs (Debian/Ubuntu): apt-get install python3-reportlab python3-pil python3-yaml python3-fonttools fonts-dejavu-core
Run from anywhere:     /usr/bin/python3 scripts/demo/make-demo-files.py [content-dir]
"""
from __future__ import annotations

import datetime as dt
import hashlib
import math
import random
import re
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import yaml
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

rl_config.invariant = 1  # no timestamps or random ids: identical bytes on every run

FONT_DIR = Path('/usr/share/fonts/truetype/dejavu')
CONTENT = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / 'content'
FILE_KEYS = {'file', 'src', 'photo', 'logo'}
PLACE = 'Sông Xanh'  # địa danh on the documents' date line
SIZE_LIMIT = {'.pdf': 60_000, '.docx': 60_000, '.jpg': 150_000, '.jpeg': 150_000, '.png': 150_000}

# Which entry describes a shared file best (a document's PDF linked from a news item is laid
# out as that document).
PRIORITY = ['documents', 'disclosures', 'admissions', 'consultations', 'schedules', 'forms', 'pages', 'news', 'albums']

DOCUMENT_TYPE_NAMES = {
    'luat': 'Luật', 'nghi-dinh': 'Nghị định', 'thong-tu': 'Thông tư', 'quyet-dinh': 'Quyết định',
    'chi-thi': 'Chỉ thị', 'cong-van': 'Công văn', 'ke-hoach': 'Kế hoạch', 'thong-bao': 'Thông báo',
    'huong-dan': 'Hướng dẫn', 'bao-cao': 'Báo cáo', 'quy-che': 'Quy chế', 'to-trinh': 'Tờ trình',
    'khac': 'Văn bản',
}
DISCLOSURE_TITLES = {
    'thong-tin-chung': 'Thông tin chung về cơ sở giáo dục',
    'tai-chinh': 'Thu, chi tài chính',
    'doi-ngu': 'Đội ngũ nhà giáo, cán bộ quản lý và nhân viên',
    'co-so-vat-chat': 'Cơ sở vật chất và tài liệu học tập',
    'kiem-dinh': 'Kết quả đánh giá, kiểm định chất lượng giáo dục',
    'ke-hoach': 'Kế hoạch hoạt động giáo dục năm học',
    'ket-qua': 'Kết quả giáo dục năm học trước',
    'bao-cao-thuong-nien': 'Báo cáo thường niên',
}


# ---------------------------------------------------------------------------------------------
# Reading content
# ---------------------------------------------------------------------------------------------

class Entry:
    def __init__(self, collection: str, path: Path, front: dict, body: str):
        self.collection, self.path, self.front, self.body = collection, path, front, body


def read_md(path: Path) -> tuple[dict, str]:
    text = path.read_text('utf-8').replace('\r\n', '\n')
    if not text.startswith('---\n'):
        return {}, text
    end = text.index('\n---', 3)
    front = yaml.safe_load(text[4:end + 1]) or {}
    body = text[text.index('\n', end + 4) + 1:] if text.find('\n', end + 4) != -1 else ''
    return front, body


def front_refs(data, out: list[str]) -> list[str]:
    if isinstance(data, dict):
        for k, v in data.items():
            if k in FILE_KEYS and isinstance(v, str):
                out.append(v.strip())
            else:
                front_refs(v, out)
    elif isinstance(data, list):
        for v in data:
            front_refs(v, out)
    return out


def body_refs(body: str) -> list[str]:
    refs = []
    for m in re.finditer(r'\]\(([^)\s]+)\)', body):
        href = m.group(1)
        if re.match(r'^([a-z][a-z0-9+.-]*:|/|#|\?)', href, re.I):
            continue
        if re.search(r'\.[a-z0-9]{2,5}$', href.split('#')[0].split('?')[0], re.I):
            refs.append(href)
    return refs


def load_site(root: Path, yaml_path: Path):
    cfg = yaml.safe_load(yaml_path.read_text('utf-8'))
    entries: list[Entry] = []
    for coll in PRIORITY:
        folder = root / coll
        if not folder.is_dir():
            continue
        for p in sorted(folder.rglob('*.md')):
            try:
                front, body = read_md(p)
            except (yaml.YAMLError, ValueError) as err:
                print(f'  Bỏ qua / skipped {p}: {str(err).splitlines()[0]}', file=sys.stderr)
                continue
            entries.append(Entry(coll, p, front, body))
    return cfg, entries


# ---------------------------------------------------------------------------------------------
# A tiny document model shared by the PDF and DOCX writers
#   ('header', left_lines, right_lines)  official two-column header; a line is (text, style)
#   ('title', [lines])                    centred bold title lines (first one larger)
#   ('h', level, text) ('p', text, align, style) ('li', text, depth, marker)
#   ('table', rows, col_weights|None)    first row is the header row
#   ('sign', left_lines, right_lines)    recipients and signature
#   ('space', points)
# Inline markup: **bold**, *italic*.
# ---------------------------------------------------------------------------------------------

def md_blocks(body: str) -> list:
    blocks, para = [], []
    lines = body.split('\n')

    def flush():
        if para:
            blocks.append(('p', ' '.join(para), 'justify', ''))
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        s = line.strip()
        if not s:
            flush(); i += 1; continue
        if s.startswith('|'):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith('|'):
                cells = [c.strip() for c in lines[i].strip().strip('|').split('|')]
                if not all(re.fullmatch(r':?-{2,}:?', c) for c in cells):
                    rows.append(cells)
                i += 1
            blocks.append(('table', rows, None))
            continue
        m = re.match(r'(#{1,6})\s+(.*)', s)
        if m:
            flush(); blocks.append(('h', len(m.group(1)), m.group(2))); i += 1; continue
        if re.fullmatch(r'!\[[^\]]*\]\([^)]*\)', s) or re.fullmatch(r'(-{3,}|\*{3,}|_{3,})', s):
            flush(); i += 1; continue
        m = re.match(r'^(\s*)([-*+]|\d+[.)])\s+(.*)', line)
        if m:
            flush()
            depth = len(m.group(1).expandtabs(4)) // 2
            marker = m.group(2) if m.group(2)[0].isdigit() else '–'
            blocks.append(('li', m.group(3), depth, marker)); i += 1; continue
        if s.startswith('>'):
            flush(); blocks.append(('p', s.lstrip('> '), 'justify', 'i')); i += 1; continue
        para.append(s)
        i += 1
    flush()
    return blocks


def col_weights(rows: list[list[str]], ncol: int) -> list[int]:
    """Relative column widths: by the longest cell, never narrower than the longest word."""
    out = []
    for c in range(ncol):
        cells = [inline_plain(r[c]).replace('**', '') for r in rows]
        longest_word = max((len(w) for cell in cells for w in cell.split()), default=4)
        out.append(max(longest_word + 3, 6, min(42, max(len(cell) for cell in cells) + 3)))
    return out


def inline_plain(s: str) -> str:
    s = re.sub(r'!\[([^\]]*)\]\([^)]*\)', r'\1', s)
    return re.sub(r'\[([^\]]+)\]\([^)]+\)', r'\1', s)


def vn_date(d) -> str:
    """ngày 05 tháng 9 năm 2026 (NĐ 30/2020: zero before days < 10 and months 1, 2)."""
    if isinstance(d, dt.datetime):
        d = d.date()
    if isinstance(d, str):
        d = dt.date.fromisoformat(d[:10])
    month = f'{d.month:02d}' if d.month < 3 else str(d.month)
    return f'ngày {d.day:02d} tháng {month} năm {d.year}'


def upper_vn(s: str) -> str:
    return s.upper()


# ---------------------------------------------------------------------------------------------
# PDF writer
# ---------------------------------------------------------------------------------------------

_fonts_ready = False

# Characters the documents use: Latin, Vietnamese, a few punctuation marks and □ (DejaVu Serif has no ☐).
FONT_CHARS = (list(range(0x20, 0x7F)) + list(range(0xA0, 0x180)) + list(range(0x1A0, 0x1B1)) + list(range(0x300, 0x310))
              + list(range(0x1EA0, 0x1EFA)) + [0x2013, 0x2014, 0x2015, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026, 0x2116, 0x2192, 0x25A1])


def slim_font(name: str) -> str:
    """A copy of a DejaVu face without hinting and without unused scripts.

    reportlab embeds the font's hinting tables and glyph instructions, about 12 KB per face
    for DejaVu; without them a two-face PDF stays well under 60 KB. The copy is cached in the
    system's temporary folder.
    """
    import logging
    import tempfile
    from fontTools import subset
    from fontTools.ttLib import TTFont as FTFont
    logging.getLogger('fontTools').setLevel(logging.ERROR)
    cache = Path(tempfile.gettempdir()) / 'cong-truong-demo-fonts'
    cache.mkdir(exist_ok=True)
    out = cache / f'{name}-vi.ttf'
    if not out.exists():
        opts = subset.Options()
        opts.hinting = False
        opts.name_IDs = [0, 1, 2, 3, 4, 5, 6]
        opts.name_languages = [0x409]
        opts.layout_features = []
        opts.drop_tables += ['GPOS', 'GSUB', 'GDEF', 'kern', 'FFTM']
        font = FTFont(str(FONT_DIR / f'{name}.ttf'), recalcTimestamp=False)
        sub = subset.Subsetter(opts)
        sub.populate(unicodes=FONT_CHARS)
        sub.subset(font)
        font.save(str(out))
    return str(out)


def pdf_fonts():
    global _fonts_ready
    if _fonts_ready:
        return
    pdfmetrics.registerFont(TTFont('Serif', slim_font('DejaVuSerif')))
    pdfmetrics.registerFont(TTFont('Serif-Bold', slim_font('DejaVuSerif-Bold')))
    # Italic faces are left out on purpose: each embedded face costs about 12 KB, and the
    # files must stay small. Italic text is set upright.
    from reportlab.pdfbase.pdfmetrics import registerFontFamily
    registerFontFamily('Serif', normal='Serif', bold='Serif-Bold', italic='Serif', boldItalic='Serif-Bold')
    _fonts_ready = True


def rl_inline(s: str) -> str:
    s = escape(inline_plain(s))
    s = re.sub(r'\*\*(.+?)\*\*', r'<b>\1</b>', s)
    s = re.sub(r'(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?!\*)', r'<i>\1</i>', s)
    return s


def styled(text: str, style: str) -> str:
    t = rl_inline(text)
    if 'b' in style:
        t = f'<b>{t}</b>'
    if 'i' in style:
        t = f'<i>{t}</i>'
    return t


def write_pdf(blocks: list, out: Path, meta: dict):
    pdf_fonts()
    base = ParagraphStyle('base', fontName='Serif', fontSize=10.5, leading=14.5, spaceAfter=5, alignment=TA_JUSTIFY)
    small = ParagraphStyle('small', parent=base, fontSize=9, leading=11.5, spaceAfter=0, alignment=TA_CENTER)
    cell = ParagraphStyle('cell', parent=base, fontSize=9, leading=11.5, spaceAfter=0, alignment=TA_LEFT)
    cellh = ParagraphStyle('cellh', parent=cell, fontName='Serif-Bold', alignment=TA_CENTER)
    aligns = {'left': TA_LEFT, 'center': TA_CENTER, 'right': TA_RIGHT, 'justify': TA_JUSTIFY}
    width = A4[0] - 45 * mm
    story = []
    for b in blocks:
        kind = b[0]
        if kind == 'header':
            def col(lines):
                return [Paragraph(styled(t, st), ParagraphStyle('hc', parent=small, fontSize=9.5 if 'u' in st else 9.5, leading=12.5)) for t, st in lines]
            t = Table([[col(b[1]), col(b[2])]], colWidths=[width * 0.42, width * 0.58])
            t.setStyle(TableStyle([('VALIGN', (0, 0), (-1, -1), 'TOP'), ('LEFTPADDING', (0, 0), (-1, -1), 0), ('RIGHTPADDING', (0, 0), (-1, -1), 0)]))
            story += [t, Spacer(1, 14)]
        elif kind == 'title':
            for n, line in enumerate(b[1]):
                st = ParagraphStyle('t', parent=base, fontName='Serif-Bold', fontSize=13 if n == 0 else 11, leading=17 if n == 0 else 14.5, alignment=TA_CENTER, spaceAfter=2)
                story.append(Paragraph(rl_inline(line), st))
            story.append(Spacer(1, 10))
        elif kind == 'h':
            lvl = b[1]
            st = ParagraphStyle(f'h{lvl}', parent=base, fontName='Serif-Bold', fontSize=12 if lvl == 1 else 11 if lvl == 2 else 10.5, leading=15, spaceBefore=6, spaceAfter=4, alignment=TA_CENTER if lvl == 1 else TA_LEFT)
            story.append(Paragraph(rl_inline(b[2]), st))
        elif kind == 'p':
            st = ParagraphStyle('p', parent=base, alignment=aligns[b[2]])
            story.append(Paragraph(styled(b[1], b[3]), st))
        elif kind == 'li':
            depth, marker = b[2], b[3]
            st = ParagraphStyle('li', parent=base, leftIndent=10 + 14 * depth, firstLineIndent=0, bulletIndent=14 * depth, spaceAfter=2.5)
            story.append(Paragraph(rl_inline(b[1]), st, bulletText=marker))
        elif kind == 'table':
            rows = b[1]
            ncol = max(len(r) for r in rows)
            rows = [r + [''] * (ncol - len(r)) for r in rows]
            weights = b[2] or col_weights(rows, ncol)
            total = sum(weights)
            data = [[Paragraph(rl_inline(c), cellh if ri == 0 else cell) for c in r] for ri, r in enumerate(rows)]
            t = Table(data, colWidths=[width * w / total for w in weights], repeatRows=1,
                      rowHeights=[None if any(c.strip() for c in r) else 20 for r in rows])
            t.setStyle(TableStyle([
                ('GRID', (0, 0), (-1, -1), 0.5, colors.black),
                ('BACKGROUND', (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
                ('VALIGN', (0, 0), (-1, -1), 'MIDDLE'),
                ('TOPPADDING', (0, 0), (-1, -1), 2.5), ('BOTTOMPADDING', (0, 0), (-1, -1), 3),
            ]))
            story += [Spacer(1, 3), t, Spacer(1, 8)]
        elif kind == 'sign':
            left = [Paragraph(styled(t, st), ParagraphStyle('sl', parent=small, alignment=TA_LEFT, fontSize=8.5, leading=11)) for t, st in b[1]]
            right = [Paragraph(styled(t, st), ParagraphStyle('sr', parent=small, fontSize=10, leading=13)) if t else Spacer(1, 42) for t, st in b[2]]
            t = Table([[left, right]], colWidths=[width * 0.45, width * 0.55])
            t.setStyle(TableStyle([('VALIGN', (0, 0), (-1, -1), 'TOP'), ('LEFTPADDING', (0, 0), (-1, -1), 0)]))
            story += [Spacer(1, 12), t]
        elif kind == 'space':
            story.append(Spacer(1, b[1]))

    def page_no(canvas, doc):
        if doc.page > 1:
            canvas.setFont('Serif', 8.5)
            canvas.drawCentredString(A4[0] / 2 + 7.5 * mm, 10 * mm, str(doc.page))

    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=30 * mm, rightMargin=15 * mm, topMargin=18 * mm,
                            bottomMargin=18 * mm, title=meta.get('title', ''), author=meta.get('author', ''),
                            subject=meta.get('subject', ''), creator='Cổng Trường – nội dung mẫu', lang='vi-VN')
    doc.build(story, onFirstPage=page_no, onLaterPages=page_no)


# ---------------------------------------------------------------------------------------------
# DOCX writer (WordprocessingML, the smallest valid package plus styles and core properties)
# ---------------------------------------------------------------------------------------------

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def runs_xml(text: str, style: str = '', size: int | None = None) -> str:
    out = []
    for part in re.split(r'(\*\*.+?\*\*|(?<![*\w])\*(?!\s).+?(?<!\s)\*(?!\*))', inline_plain(text)):
        if not part:
            continue
        bold, ital = 'b' in style, 'i' in style
        if part.startswith('**') and part.endswith('**') and len(part) > 4:
            part, bold = part[2:-2], True
        elif part.startswith('*') and part.endswith('*') and len(part) > 2:
            part, ital = part[1:-1], True
        rpr = ('<w:b/>' if bold else '') + ('<w:i/>' if ital else '') + (f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>' if size else '')
        out.append(f'<w:r>{"<w:rPr>" + rpr + "</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{escape(part)}</w:t></w:r>')
    return ''.join(out)


def p_xml(text: str, align: str = 'left', style: str = '', size: int | None = None, before: int = 0, after: int = 80, indent: int = 0, hanging: int = 0) -> str:
    jc = {'left': 'left', 'center': 'center', 'right': 'right', 'justify': 'both'}[align]
    ind = f'<w:ind w:left="{indent}" w:hanging="{hanging}"/>' if indent else ''
    return f'<w:p><w:pPr><w:spacing w:before="{before}" w:after="{after}"/>{ind}<w:jc w:val="{jc}"/></w:pPr>{runs_xml(text, style, size)}</w:p>'


def table_xml(rows: list[list], widths: list[int], borders: bool, cell_fn) -> str:
    b = ''.join(f'<w:{e} w:val="single" w:sz="4" w:space="0" w:color="000000"/>' for e in ('top', 'left', 'bottom', 'right', 'insideH', 'insideV')) if borders else ''
    grid = ''.join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    trs = []
    for ri, r in enumerate(rows):
        tcs = ''.join(f'<w:tc><w:tcPr><w:tcW w:w="{widths[ci]}" w:type="dxa"/></w:tcPr>{cell_fn(ri, ci, c)}</w:tc>' for ci, c in enumerate(r))
        trs.append(f'<w:tr>{"<w:trPr><w:tblHeader/></w:trPr>" if ri == 0 and borders else ""}{tcs}</w:tr>')
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblBorders>{b}</w:tblBorders>'
            f'<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(trs)}</w:tbl>')


def write_docx(blocks: list, out: Path, meta: dict):
    width = 9355  # A4 minus 3 cm and 1.5 cm margins, in twentieths of a point
    body = []
    for b in blocks:
        kind = b[0]
        if kind == 'header':
            def cell(lines):
                return ''.join(p_xml(t, 'center', st, 24, after=0) for t, st in lines) or '<w:p/>'
            body.append(table_xml([[b[1], b[2]]], [int(width * 0.42), width - int(width * 0.42)], False, lambda ri, ci, c: cell(c)))
            body.append(p_xml('', after=120))
        elif kind == 'title':
            for n, line in enumerate(b[1]):
                body.append(p_xml(line, 'center', 'b', 28 if n == 0 else 26, after=40))
            body.append(p_xml('', after=60))
        elif kind == 'h':
            body.append(p_xml(b[2], 'center' if b[1] == 1 else 'left', 'b' if b[1] <= 2 else 'bi', 26, before=120, after=60))
        elif kind == 'p':
            body.append(p_xml(b[1], b[2], b[3], 26))
        elif kind == 'li':
            body.append(p_xml(f'{b[3]} {b[1]}', 'justify', '', 26, after=40, indent=360 + 280 * b[2], hanging=280))
        elif kind == 'table':
            rows = b[1]
            ncol = max(len(r) for r in rows)
            rows = [r + [''] * (ncol - len(r)) for r in rows]
            weights = b[2] or col_weights(rows, ncol)
            widths = [int(width * w / sum(weights)) for w in weights]
            body.append(table_xml(rows, widths, True, lambda ri, ci, c: p_xml(c, 'center' if ri == 0 else 'left', 'b' if ri == 0 else '', 22, after=0)))
            body.append(p_xml('', after=60))
        elif kind == 'sign':
            def cell2(lines, align):
                return ''.join(p_xml(t, align, st, 22 if align == 'left' else 26, after=0) if t else p_xml('', after=900) for t, st in lines) or '<w:p/>'
            body.append(p_xml('', after=120))
            body.append(table_xml([[b[1], b[2]]], [int(width * 0.45), width - int(width * 0.45)], False, lambda ri, ci, c: cell2(c, 'left' if ci == 0 else 'center')))
        elif kind == 'space':
            body.append(p_xml('', after=int(b[1] * 20)))
    sect = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>')
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W_NS}><w:body>'
                f'{"".join(body)}<w:p/>{sect}</w:body></w:document>')
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles {W_NS}><w:docDefaults><w:rPrDefault><w:rPr>'
              '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>'
              '<w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault>'
              '<w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
              '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{escape(meta.get("title", ""))}</dc:title><dc:creator>{escape(meta.get("author", ""))}</dc:creator>'
            '<dc:language>vi-VN</dc:language></cp:coreProperties>')
    content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                     '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
                     '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
                     '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '</Relationships>')
    doc_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                '</Relationships>')
    parts = [('[Content_Types].xml', content_types), ('_rels/.rels', rels), ('docProps/core.xml', core),
             ('word/document.xml', document), ('word/styles.xml', styles), ('word/_rels/document.xml.rels', doc_rels)]
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode('utf-8'))


# ---------------------------------------------------------------------------------------------
# Official layout around an entry
# ---------------------------------------------------------------------------------------------

class Site:
    """A school or the host, with what the documents' headers need."""

    def __init__(self, sid: str, root: Path, cfg: dict, host_cfg: dict | None):
        self.id, self.root, self.cfg = sid, root, cfg
        self.is_host = sid == 'host'
        if self.is_host:
            self.upper = cfg['governingBody']['name'].replace('Ủy ban nhân dân', 'UBND')
            self.org = cfg['name'].split(' huyện')[0]
            self.head_title = cfg['responsiblePerson']['title']
            self.head_name = cfg['responsiblePerson']['name']
        else:
            self.upper = cfg['governingBody']['name'].replace('Giáo dục và Đào tạo', 'GD&ĐT')
            self.org = cfg['name']
            self.head_title = cfg['leaders'][0]['title']
            self.head_name = cfg['leaders'][0]['name']
        self.people = {}
        for l in cfg.get('leaders', []):
            self.people[l['name']] = l['title']
        if self.is_host:
            self.people[self.head_name] = self.head_title
            self.people.update(HOST_DEPUTIES)

    def header(self, number: str | None, date, draft=False):
        left = [(upper_vn(self.upper), ''), (upper_vn(self.org), 'b'), ('―――――――', '')]
        if number:
            left.append((f'Số: {number}', ''))
        right = [('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'b'), ('Độc lập - Tự do - Hạnh phúc', 'b'), ('―――――――――――――', '')]
        right.append((f'{PLACE}, {vn_date(date)}' if date else f'{PLACE}, ngày …… tháng …… năm 20……', 'i'))
        if draft:
            right.insert(0, ('DỰ THẢO', 'b'))
        return ('header', left, right)

    def sign(self, signer: str | None, recipients: list[str] | None = None):
        name = signer or self.head_name
        title = self.people.get(name, self.head_title)
        head = self.head_title.upper()
        lines = []
        if title.lower().startswith('phó'):
            lines.append((f'KT. {head}', 'b'))
        lines += [(title.upper(), 'b'), ('', ''), (name, 'b')]
        rec = recipients if recipients is not None else (
            ['Các trường MN, TH, THCS trên địa bàn;', 'Lãnh đạo Phòng;', 'Lưu: VT.'] if self.is_host
            else ['Phòng GD&ĐT huyện (để b/c);', 'Như trên;', 'Cổng thông tin điện tử của trường;', 'Lưu: VT.'])
        left = [('Nơi nhận:', 'bi')] + [(f'- {r}', '') for r in rec]
        return ('sign', left, lines)


HOST_DEPUTIES = {'Lê Thị Minh Nguyệt': 'Phó Trưởng phòng'}


def clean_title(t: str) -> str:
    """An attachment's display title without the format note: "Kế hoạch (PDF)" → "Kế hoạch"."""
    return re.sub(r'\s*\((PDF|Word|DOCX|bản [^)]*)[^)]*\)\s*$', '', t.strip())


def strip_type(summary: str, type_name: str) -> str:
    s = summary.strip()
    if s.lower().startswith(type_name.lower() + ' '):
        s = s[len(type_name) + 1:]
        s = s[0].upper() + s[1:]
    return s


def entry_blocks(site: Site, e: Entry, ref: str) -> tuple[list, dict]:
    f = e.front
    body = md_blocks(e.body)
    draft = 'du-thao' in Path(ref).stem
    if e.collection == 'documents':
        tname = DOCUMENT_TYPE_NAMES.get(f.get('type', 'khac'), 'Văn bản')
        if f.get('type') == 'cong-van':
            hdr = site.header(f.get('number'), f.get('issued'))
            hdr[1].append((f'V/v {f["summary"][0].lower() + f["summary"][1:]}', 'i'))
            title = []
        else:
            hdr = site.header(f.get('number'), f.get('issued'))
            title = [upper_vn(tname), strip_type(f['summary'], tname)]
        blocks = [hdr] + ([('title', title)] if title else []) + body + [site.sign(f.get('signer'))]
        return blocks, {'title': f['summary'], 'subject': f.get('number', ''), 'author': f.get('issuer', site.org)}
    if e.collection == 'disclosures':
        year = e.path.parent.name
        item = f.get('item')
        if item == 'bao-cao-thuong-nien':
            title = ['BÁO CÁO THƯỜNG NIÊN', f'Năm {f.get("reportYear", "")}', f'(Số liệu tính đến ngày 31/12/{f.get("reportYear", "")})']
        else:
            title = [upper_vn(f.get('title') or DISCLOSURE_TITLES.get(item, '')), f'Năm học {year}']
        if item != 'bao-cao-thuong-nien':
            for a in f.get('attachments') or []:
                if a.get('file') == ref and a.get('title'):
                    t = clean_title(a['title'])
                    title = [upper_vn(t)] + ([] if year in t else [f'Năm học {year}'])
        blocks = [site.header(None, f.get('published'))] + [('title', title)] + body + [site.sign(None, ['Phòng GD&ĐT huyện (để b/c);', 'Niêm yết tại trường;', 'Cổng thông tin điện tử của trường;', 'Lưu: VT.'])]
        return blocks, {'title': ' – '.join(title[:2]), 'author': site.org, 'subject': 'Công khai theo Thông tư 09/2024/TT-BGDĐT'}
    date = f.get('published') or f.get('date') or f.get('updated')
    ttl = f.get('title', '')
    for a in f.get('attachments', []) or []:
        if a.get('file') == ref and a.get('title'):
            ttl = clean_title(a['title'])
    if draft:
        blocks = [site.header(None, None, draft=True), ('title', [upper_vn(ttl)])] + body
    else:
        blocks = [site.header(None, date), ('title', [upper_vn(ttl)])] + body + [site.sign(None)]
    return blocks, {'title': ttl, 'author': site.org}


# ---------------------------------------------------------------------------------------------
# Form templates (media/mau-don/<stem>.docx|pdf)
# ---------------------------------------------------------------------------------------------

DOTS = '…' * 38
SHORT = '…' * 16


def national():
    return [('p', '**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**', 'center', ''), ('p', '**Độc lập - Tự do - Hạnh phúc**', 'center', ''),
            ('p', '―――――――――――――', 'center', ''), ('space', 6)]


def date_line():
    return ('p', f'{PLACE}, ngày …… tháng …… năm 20……', 'right', 'i')


def pupil_words(site: Site):
    mn = 'mn' in site.cfg.get('levels', [])
    return ('trẻ', 'Nhóm/Lớp', 'cha mẹ trẻ') if mn else ('học sinh', 'Lớp', 'cha mẹ học sinh')


def form_don_xin_nghi_hoc(site: Site):
    who, cls, parent = pupil_words(site)
    return national() + [
        ('title', ['ĐƠN XIN NGHỈ HỌC']),
        ('p', f'Kính gửi: - Ban Giám hiệu {site.org};', 'left', 'b'),
        ('p', f'- Giáo viên chủ nhiệm {cls.lower()} {SHORT}', 'left', 'b'),
        ('p', f'Tôi tên là: {DOTS}', 'left', ''),
        ('p', f'Là {parent} (cha/mẹ/người giám hộ) của {who}: {SHORT}{SHORT}', 'left', ''),
        ('p', f'{cls}: {SHORT} Ngày sinh: {SHORT}', 'left', ''),
        ('p', f'Số điện thoại liên hệ: {SHORT}{SHORT}', 'left', ''),
        ('p', f'Nay tôi làm đơn này xin cho con tôi được nghỉ học từ ngày …… /…… /20…… đến hết ngày …… /…… /20…… (tổng số …… ngày).', 'justify', ''),
        ('p', f'Lý do: {DOTS}{SHORT}', 'left', ''),
        ('p', f'{DOTS}{DOTS}', 'left', ''),
        ('p', f'Trong thời gian nghỉ, gia đình sẽ theo dõi, chăm sóc {who} và phối hợp với giáo viên để {who} theo kịp chương trình. Kính mong Ban Giám hiệu và giáo viên chấp thuận.', 'justify', ''),
        date_line(),
        ('sign', [('Ý kiến của giáo viên chủ nhiệm', 'b'), ('', ''), ('', ''), ('', '')],
         [('Người làm đơn', 'b'), ('(Ký và ghi rõ họ tên)', 'i'), ('', '')]),
    ]


def form_don_xin_chuyen_truong(site: Site):
    who, cls, parent = pupil_words(site)
    level = site.cfg.get('levels', ['th'])[0]
    basis = {
        'thcs': 'Căn cứ Quy định chuyển trường và tiếp nhận học sinh học tại các trường trung học cơ sở và trung học phổ thông (ban hành kèm theo Quyết định số 51/2002/QĐ-BGDĐT, được sửa đổi, bổ sung bởi Thông tư số 50/2021/TT-BGDĐT).',
        'th': 'Căn cứ Điều lệ trường tiểu học ban hành kèm theo Thông tư số 28/2020/TT-BGDĐT ngày 04/9/2020 của Bộ trưởng Bộ Giáo dục và Đào tạo.',
        'mn': 'Căn cứ Điều lệ trường mầm non ban hành kèm theo Thông tư số 52/2020/TT-BGDĐT ngày 31/12/2020 của Bộ trưởng Bộ Giáo dục và Đào tạo.',
    }.get(level, '')
    return national() + [
        ('title', ['ĐƠN XIN CHUYỂN TRƯỜNG']),
        ('p', f'Kính gửi: - Hiệu trưởng {site.org};', 'left', 'b'),
        ('p', f'- Hiệu trưởng trường {DOTS}', 'left', 'b'),
        ('p', basis, 'justify', 'i'),
        ('p', f'Tôi tên là: {DOTS}', 'left', ''),
        ('p', f'Hiện trú tại: {DOTS}{SHORT}', 'left', ''),
        ('p', f'Số điện thoại: {SHORT} Là {parent} của {who}: {SHORT}', 'left', ''),
        ('p', f'Ngày sinh: {SHORT} {cls}: {SHORT} Năm học: 20……-20……', 'left', ''),
        ('p', f'Kết quả học tập, rèn luyện năm học trước (nếu có): {DOTS}', 'left', '') if who == 'học sinh' else ('space', 0),
        ('p', f'Xin chuyển đến học tại trường: {DOTS}', 'left', ''),
        ('p', f'Thuộc huyện/thành phố: {SHORT} tỉnh/thành phố: {SHORT}', 'left', ''),
        ('p', f'Lý do chuyển trường: {DOTS}{SHORT}', 'left', ''),
        ('p', f'{DOTS}{DOTS}', 'left', ''),
        ('p', 'Tôi xin cam đoan những thông tin trên là đúng sự thật và chấp hành đúng các quy định về chuyển trường.', 'justify', ''),
        date_line(),
        ('sign', [('Ý kiến tiếp nhận của trường nơi đến', 'b'), ('(Ký tên, đóng dấu)', 'i'), ('', ''), ('Ý kiến của trường nơi đi', 'b'), ('(Ký tên, đóng dấu)', 'i')],
         [('Người làm đơn', 'b'), ('(Ký và ghi rõ họ tên)', 'i'), ('', '')]),
    ]


def form_don_xin_nhap_hoc(site: Site):
    return national() + [
        ('title', ['ĐƠN XIN NHẬP HỌC', f'Năm học 20……-20……']),
        ('p', f'Kính gửi: Hiệu trưởng {site.org}', 'center', 'b'),
        ('p', f'Họ và tên cha (mẹ) hoặc người giám hộ: {DOTS}', 'left', ''),
        ('p', f'Số điện thoại: {SHORT} Nghề nghiệp: {SHORT}', 'left', ''),
        ('p', f'Nơi ở hiện nay: {DOTS}{SHORT}', 'left', ''),
        ('p', 'Xin cho con tôi được vào học tại trường. Thông tin của trẻ:', 'left', ''),
        ('table', [['Họ và tên trẻ', 'Ngày sinh', 'Giới tính', 'Mã định danh cá nhân'], ['', '', '', ''], ['', '', '', '']], [34, 20, 14, 32]),
        ('p', 'Đăng ký vào: □ Nhóm trẻ 18–24 tháng □ Nhóm trẻ 25–36 tháng □ Lớp mẫu giáo 3–4 tuổi □ Lớp mẫu giáo 4–5 tuổi □ Lớp mẫu giáo 5–6 tuổi', 'left', ''),
        ('p', 'Đăng ký ăn bán trú tại trường: □ Có □ Không', 'left', ''),
        ('p', f'Tình trạng sức khỏe, dị ứng thức ăn (nếu có): {DOTS}', 'left', ''),
        ('p', 'Hồ sơ kèm theo: bản sao giấy khai sinh; bản sao sổ tiêm chủng của trẻ.', 'left', 'i'),
        ('p', 'Tôi xin cam kết thực hiện đúng nội quy của nhà trường, thường xuyên phối hợp với giáo viên trong việc nuôi dưỡng, chăm sóc và giáo dục trẻ.', 'justify', ''),
        date_line(),
        ('sign', [], [('Người làm đơn', 'b'), ('(Ký và ghi rõ họ tên)', 'i'), ('', '')]),
    ]


def form_giay_xac_nhan(site: Site):
    return national() + [
        ('title', ['ĐƠN ĐỀ NGHỊ XÁC NHẬN', 'LÀ HỌC SINH CỦA TRƯỜNG']),
        ('p', f'Kính gửi: Hiệu trưởng {site.org}', 'center', 'b'),
        ('p', f'Tôi tên là: {DOTS}', 'left', ''),
        ('p', f'Là cha/mẹ (người giám hộ) của học sinh: {DOTS}', 'left', ''),
        ('p', f'Ngày sinh: {SHORT} Lớp: {SHORT} Năm học: 20……-20……', 'left', ''),
        ('p', f'Đề nghị nhà trường xác nhận con tôi hiện đang học tại trường để: {DOTS}', 'left', ''),
        ('p', '(ví dụ: bổ sung hồ sơ hưởng chính sách, hồ sơ bảo hiểm, thủ tục cư trú …)', 'left', 'i'),
        date_line(),
        ('sign', [], [('Người đề nghị', 'b'), ('(Ký và ghi rõ họ tên)', 'i'), ('', '')]),
        ('space', 10),
        ('p', '**XÁC NHẬN CỦA NHÀ TRƯỜNG**', 'center', ''),
        ('p', f'{site.org} xác nhận học sinh {SHORT}{SHORT} hiện đang học lớp …… năm học 20……-20…… tại trường.', 'justify', ''),
        ('sign', [], [(f'{PLACE}, ngày …… tháng …… năm 20……', 'i'), ('HIỆU TRƯỞNG', 'b'), ('', '')]),
    ]


def form_phuc_khao(site: Site):
    return national() + [
        ('title', ['ĐƠN ĐỀ NGHỊ PHÚC KHẢO', 'BÀI KIỂM TRA ĐỊNH KÌ']),
        ('p', f'Kính gửi: Hội đồng kiểm tra {site.org}', 'center', 'b'),
        ('p', f'Họ và tên học sinh: {DOTS}', 'left', ''),
        ('p', f'Lớp: {SHORT} Số báo danh (nếu có): {SHORT}', 'left', ''),
        ('p', 'Em đề nghị được phúc khảo các bài kiểm tra sau:', 'left', ''),
        ('table', [['TT', 'Môn học', 'Bài kiểm tra (giữa kì/cuối kì)', 'Điểm đã công bố', 'Ghi chú'], ['1', '', '', '', ''], ['2', '', '', '', '']], [6, 22, 32, 18, 22]),
        ('p', 'Lý do đề nghị phúc khảo:', 'left', ''),
        ('p', f'{DOTS}{DOTS}', 'left', ''),
        ('p', 'Thời hạn nộp đơn: trong 05 ngày làm việc kể từ ngày trường công bố điểm. Đơn nộp tại Văn phòng nhà trường.', 'justify', 'i'),
        date_line(),
        ('sign', [('Ý kiến của cha mẹ học sinh', 'b'), ('(Ký và ghi rõ họ tên)', 'i')],
         [('Học sinh làm đơn', 'b'), ('(Ký và ghi rõ họ tên)', 'i'), ('', '')]),
    ]


def form_ban_tru(site: Site):
    return national() + [
        ('title', ['PHIẾU ĐĂNG KÝ ĂN BÁN TRÚ', 'Năm học 20……-20……']),
        ('p', f'Kính gửi: Hiệu trưởng {site.org}', 'center', 'b'),
        ('p', f'Họ và tên cha/mẹ học sinh: {DOTS}', 'left', ''),
        ('p', f'Số điện thoại: {SHORT}{SHORT}', 'left', ''),
        ('p', f'Họ và tên học sinh: {SHORT}{SHORT} Lớp: {SHORT}', 'left', ''),
        ('p', 'Đăng ký cho con ăn bán trú tại trường từ ngày …… /…… /20……, các ngày thứ Hai đến thứ Sáu.', 'justify', ''),
        ('p', f'Thức ăn con bị dị ứng hoặc cần kiêng (nếu có): {DOTS}', 'left', ''),
        ('p', 'Gia đình cam kết đóng tiền ăn đúng hạn theo thông báo của nhà trường và báo nghỉ ăn trước 08 giờ 00 sáng ngày nghỉ.', 'justify', ''),
        date_line(),
        ('sign', [], [('Cha/mẹ học sinh', 'b'), ('(Ký và ghi rõ họ tên)', 'i'), ('', '')]),
    ]


def form_phieu_gop_y(site: Site):
    return national() + [
        ('title', ['PHIẾU GÓP Ý']),
        ('p', f'Kính gửi: {site.org}', 'center', 'b'),
        ('p', f'Họ và tên người góp ý: {DOTS}', 'left', ''),
        ('p', f'Là: □ Cha mẹ học sinh □ Viên chức, người lao động □ Khác: {SHORT}', 'left', ''),
        ('p', f'Điện thoại/thư điện tử: {DOTS}', 'left', ''),
        ('p', 'Nội dung góp ý đối với dự thảo:', 'left', 'b'),
        ('table', [['Điều, khoản, mục', 'Nội dung dự thảo', 'Nội dung đề nghị sửa đổi, bổ sung', 'Lý do'], ['', '', '', ''], ['', '', '', ''], ['', '', '', '']], [16, 28, 34, 22]),
        ('p', f'Ý kiến khác: {DOTS}', 'left', ''),
        ('p', f'Phiếu góp ý gửi về Văn phòng nhà trường hoặc thư điện tử {site.cfg.get("email", "")}.', 'justify', 'i'),
        date_line(),
        ('sign', [], [('Người góp ý', 'b'), ('(Ký và ghi rõ họ tên)', 'i'), ('', '')]),
    ]


# Full text of the drafts put to consultation (media/tep/du-thao-<stem>.pdf). The consultation
# entry's own body explains the consultation; the attachment is the draft itself.
DRAFTS = {
    'du-thao-quy-dinh-don-tra-tre': ('Quy định đón, trả trẻ và phối hợp với cha mẹ trẻ', """
**Điều 1. Phạm vi, đối tượng áp dụng**

Quy định này áp dụng đối với cán bộ, giáo viên, nhân viên, trẻ và cha mẹ trẻ (người giám hộ) của Trường Mầm non Hoa Sen.

**Điều 2. Giờ đón, trả trẻ**

1. Đón trẻ từ 6 giờ 45 đến 7 giờ 45; trả trẻ từ 16 giờ 30 đến 17 giờ 15, từ thứ Hai đến thứ Sáu.
2. Trường hợp đón trẻ sau 17 giờ 15, cha mẹ báo trước cho giáo viên; giáo viên trực trông trẻ tại phòng trực đến 17 giờ 45.

**Điều 3. Giao, nhận trẻ**

1. Cha mẹ giao, nhận trẻ trực tiếp với giáo viên tại cửa lớp; giáo viên ghi sổ theo dõi trẻ đến lớp.
2. Khi giao trẻ, cha mẹ thông báo tình trạng sức khỏe, thuốc cần uống (kèm đơn thuốc) và các lưu ý khác.

**Điều 4. Ủy quyền đón trẻ**

1. Người đón thay phải từ đủ 16 tuổi, có giấy ủy quyền hoặc được cha mẹ đăng ký trước với giáo viên (họ tên, số điện thoại, ảnh).
2. Giáo viên không trả trẻ cho người chưa được ủy quyền; trường hợp nghi vấn, giáo viên liên hệ cha mẹ trẻ để xác nhận.

**Điều 5. Báo nghỉ, báo ăn**

Cha mẹ báo nghỉ học, nghỉ ăn trước 8 giờ 00 cùng ngày qua điện thoại hoặc nhóm liên lạc của lớp để được trừ tiền ăn.

**Điều 6. Trật tự, an toàn trước cổng trường**

Phương tiện dừng, đỗ tại khu vực vạch sơn trước cổng; không dừng xe giữa đường, không để trẻ đứng phía trước xe máy.

**Điều 7. Hiệu lực**

Quy định có hiệu lực từ ngày 01/01/2027. Trong quá trình thực hiện, nếu có vướng mắc, cha mẹ trẻ phản ánh với Ban Giám hiệu để xem xét, điều chỉnh.
"""),
    'du-thao-quy-che-chi-tieu-noi-bo-2027': ('Quy chế chi tiêu nội bộ năm 2027', """
## Chương I. Quy định chung

**Điều 1. Phạm vi điều chỉnh.** Quy chế quy định nội dung, định mức chi từ nguồn ngân sách nhà nước cấp chi thường xuyên và các nguồn thu hợp pháp khác của Trường Tiểu học Kim Đồng năm 2027.

**Điều 2. Nguyên tắc.** Chi đúng chế độ, tiết kiệm, hiệu quả; ưu tiên hoạt động dạy và học; công khai, dân chủ; có chứng từ hợp pháp.

## Chương II. Nội dung, định mức chi

**Điều 3. Chi thanh toán cho cá nhân:** tiền lương, phụ cấp, các khoản đóng góp theo quy định hiện hành.

**Điều 4. Công tác phí:** phụ cấp lưu trú trong tỉnh 150.000 đồng/ngày, ngoài tỉnh 200.000 đồng/ngày; khoán công tác phí cho kế toán, thủ quỹ 300.000 đồng/tháng.

**Điều 5. Văn phòng phẩm:** khoán 80.000 đồng/giáo viên chủ nhiệm/tháng *(năm 2026: 60.000 đồng)*.

**Điều 6. Hoạt động chuyên môn:**

1. Hội thi giáo viên dạy giỏi, hội thi học sinh cấp trường: theo dự toán được Hiệu trưởng phê duyệt.
2. Hỗ trợ giáo viên tổ chức câu lạc bộ Toán, Tiếng Việt, Tiếng Anh: 60.000 đồng/buổi *(nội dung mới)*.
3. Bồi dưỡng giáo viên hướng dẫn đội tuyển cấp huyện: 50.000 đồng/buổi.

**Điều 7. Bán trú:** tiền ăn, tiền chăm sóc bán trú được quản lý riêng, thu đủ, chi đủ; công khai thu, chi hằng tháng tại bảng tin và trên cổng thông tin điện tử *(nội dung mới)*.

## Chương III. Sử dụng kinh phí tiết kiệm

**Điều 8.** Dành tối thiểu 20% kinh phí tiết kiệm để bổ sung sách cho thư viện và tủ sách lớp học *(nội dung mới)*; phần còn lại chi thu nhập tăng thêm theo kết quả đánh giá viên chức, khen thưởng và phúc lợi.

**Điều 9. Hiệu lực.** Quy chế áp dụng từ ngày 01/01/2027 đến ngày 31/12/2027.
"""),
    'du-thao-quy-tac-ung-xu': ('Quy tắc ứng xử trong Trường Trung học cơ sở Lê Lợi (sửa đổi)', """
**Điều 1. Phạm vi và đối tượng áp dụng**

Quy tắc này quy định chuẩn mực ứng xử của cán bộ quản lý, giáo viên, nhân viên, học sinh và cha mẹ học sinh trong Trường Trung học cơ sở Lê Lợi, kể cả trên môi trường mạng, theo Thông tư số 06/2019/TT-BGDĐT.

**Điều 2. Ứng xử của học sinh**

1. Với thầy cô: kính trọng, lễ phép, trung thực; chào hỏi khi gặp.
2. Với bạn bè: tôn trọng, đoàn kết, giúp đỡ; không nói tục, không xúc phạm, không bắt nạt, cô lập bạn.
3. Trên mạng xã hội: không đăng, chia sẻ hình ảnh, thông tin cá nhân của thầy cô, bạn bè khi chưa được đồng ý; không bình luận xúc phạm; không lập nhóm để chế giễu bạn *(nội dung mới)*.
4. Điện thoại di động: gửi vào túi đựng của lớp trong giờ học; chỉ sử dụng khi giáo viên cho phép vì mục đích học tập *(nội dung mới)*.

**Điều 3. Ứng xử của cán bộ quản lý, giáo viên, nhân viên**

1. Với học sinh: mẫu mực, bao dung, tôn trọng sự khác biệt; không xúc phạm, không trù dập học sinh.
2. Không liên lạc với học sinh qua tài khoản cá nhân ngoài mục đích giáo dục *(nội dung mới)*.
3. Với đồng nghiệp và cha mẹ học sinh: hợp tác, lịch sự, lắng nghe.

**Điều 4. Ứng xử của cha mẹ học sinh**

1. Tôn trọng thầy cô, nhân viên nhà trường; phối hợp trong giáo dục học sinh.
2. Trao đổi với nhà trường qua kênh chính thức; không đăng tải thông tin chưa được kiểm chứng về nhà trường, thầy cô, học sinh lên mạng xã hội *(nội dung mới)*.

**Điều 5. Tổ chức thực hiện**

Quy tắc được niêm yết tại trường, đăng trên cổng thông tin điện tử và phổ biến tới học sinh, cha mẹ học sinh đầu năm học. Việc thực hiện Quy tắc là một căn cứ đánh giá, xếp loại viên chức và đánh giá kết quả rèn luyện của học sinh.
"""),
}


FORMS = {
    'don-xin-nghi-hoc': (form_don_xin_nghi_hoc, 'Đơn xin nghỉ học'),
    'don-xin-chuyen-truong': (form_don_xin_chuyen_truong, 'Đơn xin chuyển trường'),
    'don-xin-nhap-hoc': (form_don_xin_nhap_hoc, 'Đơn xin nhập học'),
    'don-de-nghi-xac-nhan-hoc-sinh': (form_giay_xac_nhan, 'Đơn đề nghị xác nhận là học sinh của trường'),
    'don-de-nghi-phuc-khao': (form_phuc_khao, 'Đơn đề nghị phúc khảo bài kiểm tra định kì'),
    'phieu-dang-ky-ban-tru': (form_ban_tru, 'Phiếu đăng ký ăn bán trú'),
    'phieu-gop-y': (form_phieu_gop_y, 'Phiếu góp ý'),
}


# ---------------------------------------------------------------------------------------------
# Images
# ---------------------------------------------------------------------------------------------

def hex_rgb(h: str) -> tuple:
    h = h.lstrip('#')
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


def mix(a, b, t):
    return tuple(int(a[i] + (b[i] - a[i]) * t) for i in range(3))


def font(size: int, bold=False):
    return ImageFont.truetype(str(FONT_DIR / ('DejaVuSans-Bold.ttf' if bold else 'DejaVuSans.ttf')), size)


def gradient(w, h, top, bottom):
    img = Image.new('RGB', (w, h))
    d = ImageDraw.Draw(img)
    for y in range(h):
        d.line([(0, y), (w, y)], fill=mix(top, bottom, y / (h - 1)))
    return img


def star(cx, cy, r, rot=-90, inner=0.42):
    pts = []
    for k in range(10):
        rad = r if k % 2 == 0 else r * inner
        a = math.radians(rot + k * 36)
        pts.append((cx + rad * math.cos(a), cy + rad * math.sin(a)))
    return pts


def m_truong(img, d, rng, w, h):
    d.rectangle([0, h * 0.72, w, h], fill=(120, 180, 90))
    d.ellipse([w * 0.78, h * 0.08, w * 0.9, h * 0.26], fill=(255, 214, 90))
    bx0, bx1, by0, by1 = w * 0.22, w * 0.78, h * 0.38, h * 0.74
    d.rectangle([bx0, by0, bx1, by1], fill=(250, 236, 200))
    d.polygon([(bx0 - 30, by0), (w / 2, h * 0.2), (bx1 + 30, by0)], fill=(178, 58, 48))
    for row in range(2):
        for col in range(7):
            x = bx0 + 40 + col * (bx1 - bx0 - 80) / 7
            y = by0 + 30 + row * 95
            d.rectangle([x, y, x + 55, y + 60], fill=(110, 160, 210))
    d.rectangle([w / 2 - 50, by1 - 110, w / 2 + 50, by1], fill=(150, 95, 60))
    d.line([(w * 0.12, h * 0.74), (w * 0.12, h * 0.25)], fill=(90, 90, 90), width=8)
    d.rectangle([w * 0.12, h * 0.25, w * 0.12 + 150, h * 0.25 + 100], fill=(218, 37, 29))
    d.polygon(star(w * 0.12 + 75, h * 0.25 + 50, 32), fill=(255, 221, 0))
    for _ in range(7):
        x, y = rng.uniform(w * 0.55, w * 0.95), rng.uniform(h * 0.3, h * 0.6)
        c = rng.choice([(230, 70, 90), (70, 150, 230), (250, 190, 40), (120, 200, 110), (200, 110, 220)])
        d.line([(x, y + 45), (x + rng.uniform(-20, 20), y + 170)], fill=(120, 120, 120), width=2)
        d.ellipse([x - 32, y - 45, x + 32, y + 45], fill=c)


def m_trung_thu(img, d, rng, w, h):
    cx, cy = rng.uniform(w * 0.6, w * 0.8), h * 0.28
    for k in range(8, 0, -1):
        r = 130 + k * 18
        d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=mix((40, 40, 100), (250, 230, 150), 0.1 + (8 - k) * 0.04))
    d.ellipse([cx - 130, cy - 130, cx + 130, cy + 130], fill=(255, 236, 160))
    for _ in range(70):
        x, y = rng.uniform(0, w), rng.uniform(0, h * 0.6)
        r = rng.uniform(1.5, 3.5)
        d.ellipse([x - r, y - r, x + r, y + r], fill=(255, 255, 220))
    for k in range(4):
        x, y = w * (0.1 + k * 0.17) + rng.uniform(-30, 30), h * rng.uniform(0.5, 0.72)
        d.line([(x, y + 60), (x + 40, h)], fill=(150, 110, 60), width=7)
        d.polygon(star(x, y, rng.uniform(85, 120), rot=-90 + rng.uniform(-15, 15)), fill=rng.choice([(226, 48, 45), (250, 180, 30), (240, 100, 40)]))
    for k in range(3):
        x, y = w * (0.72 + k * 0.1), h * (0.62 + (k % 2) * 0.08)
        d.line([(x, 0), (x, y - 70)], fill=(200, 170, 90), width=3)
        d.ellipse([x - 55, y - 70, x + 55, y + 70], fill=(220, 40, 50))
        d.rectangle([x - 30, y - 80, x + 30, y - 62], fill=(240, 190, 40))
        d.rectangle([x - 30, y + 62, x + 30, y + 80], fill=(240, 190, 40))


def flower(d, cx, cy, r, petal, center, n):
    for k in range(n):
        a = 2 * math.pi * k / n
        px, py = cx + r * 0.75 * math.cos(a), cy + r * 0.75 * math.sin(a)
        d.ellipse([px - r * 0.5, py - r * 0.5, px + r * 0.5, py + r * 0.5], fill=petal)
    d.ellipse([cx - r * 0.42, cy - r * 0.42, cx + r * 0.42, cy + r * 0.42], fill=center)


def m_hoa(img, d, rng, w, h):
    base_x = w * rng.uniform(0.45, 0.55)
    d.polygon([(base_x - 150, h * 0.68), (base_x + 150, h * 0.68), (base_x + 60, h), (base_x - 60, h)], fill=(246, 214, 220))
    for _ in range(11):
        x, y = base_x + rng.uniform(-330, 330), rng.uniform(h * 0.15, h * 0.55)
        d.line([(x, y), (base_x + rng.uniform(-40, 40), h * 0.7)], fill=(70, 140, 70), width=6)
    for _ in range(11):
        x, y = base_x + rng.uniform(-330, 330), rng.uniform(h * 0.15, h * 0.55)
        flower(d, x, y, rng.uniform(55, 90), rng.choice([(232, 70, 110), (250, 150, 170), (255, 200, 60), (240, 110, 60), (190, 90, 200), (255, 255, 255)]), (250, 220, 80), rng.choice([5, 6, 8]))
    for _ in range(6):
        x, y, s = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(20, 45)
        d.ellipse([x - s, y - s / 2, x, y + s / 2], fill=(240, 120, 150))
        d.ellipse([x, y - s / 2, x + s, y + s / 2], fill=(240, 120, 150))
        d.polygon([(x - s, y), (x + s, y), (x, y + s * 1.2)], fill=(240, 120, 150))


def m_giao_thong(img, d, rng, w, h):
    d.rectangle([0, h * 0.55, w, h], fill=(110, 170, 90))
    d.polygon([(w * 0.38, h * 0.55), (w * 0.62, h * 0.55), (w * 0.95, h), (w * 0.05, h)], fill=(90, 95, 105))
    for k in range(7):
        t0, t1 = 0.72, 0.86
        xa = w * (0.05 + 0.9 * k / 7 + 0.02)
        d.polygon([(xa, h * t1), (xa + w * 0.06, h * t1), (xa + w * 0.055, h * t0), (xa + 10, h * t0)], fill=(245, 245, 245))
    px = w * rng.uniform(0.78, 0.85)
    d.rectangle([px - 8, h * 0.25, px + 8, h * 0.8], fill=(60, 60, 60))
    d.rounded_rectangle([px - 55, h * 0.08, px + 55, h * 0.42], radius=20, fill=(35, 35, 40))
    for k, c in enumerate([(230, 50, 40), (245, 190, 30), (60, 190, 90)]):
        y = h * 0.13 + k * 110
        d.ellipse([px - 38, y, px + 38, y + 76], fill=c if k == 2 else mix(c, (35, 35, 40), 0.55))
    for _ in range(5):
        x = rng.uniform(0, w * 0.3)
        d.rectangle([x - 10, h * 0.42, x + 10, h * 0.58], fill=(120, 80, 50))
        d.ellipse([x - 70, h * 0.25, x + 70, h * 0.47], fill=(60, 140, 70))


def m_sach(img, d, rng, w, h):
    d.rectangle([0, h * 0.78, w, h], fill=(180, 130, 90))
    y = h * 0.78
    for _ in range(6):
        bw, bh = rng.uniform(380, 520), rng.uniform(45, 70)
        x = w * 0.28 + rng.uniform(-40, 40)
        d.rectangle([x - bw / 2, y - bh, x + bw / 2, y], fill=rng.choice([(200, 60, 60), (60, 110, 190), (240, 180, 40), (70, 150, 90), (150, 80, 170), (230, 120, 50)]))
        d.rectangle([x - bw / 2 + 12, y - bh + 10, x - bw / 2 + 20, y - 10], fill=(255, 255, 255))
        y -= bh
    cx, cy = w * 0.68, h * 0.6
    d.polygon([(cx, cy), (cx - 330, cy - 40), (cx - 330, cy + 200), (cx, cy + 240)], fill=(255, 252, 240))
    d.polygon([(cx, cy), (cx + 330, cy - 40), (cx + 330, cy + 200), (cx, cy + 240)], fill=(248, 244, 228))
    for k in range(6):
        d.line([(cx - 290, cy + k * 30), (cx - 40, cy + 25 + k * 30)], fill=(190, 190, 200), width=4)
        d.line([(cx + 40, cy + 25 + k * 30), (cx + 290, cy + k * 30)], fill=(190, 190, 200), width=4)
    for _ in range(9):
        d.polygon(star(rng.uniform(w * 0.45, w * 0.95), rng.uniform(h * 0.08, h * 0.4), rng.uniform(14, 30)), fill=(255, 215, 80))


def m_the_thao(img, d, rng, w, h):
    for k in range(10):
        d.rectangle([0, h * 0.35 + k * h * 0.065, w, h * 0.35 + (k + 1) * h * 0.065], fill=(80, 160, 80) if k % 2 else (95, 175, 90))
    d.line([(0, h * 0.62), (w, h * 0.62)], fill=(255, 255, 255), width=8)
    d.ellipse([w / 2 - 190, h * 0.62 - 90, w / 2 + 190, h * 0.62 + 90], outline=(255, 255, 255), width=8)
    bx, by, r = w * rng.uniform(0.3, 0.7), h * 0.8, 95
    d.ellipse([bx - r, by - r, bx + r, by + r], fill=(250, 250, 250), outline=(30, 30, 30), width=4)
    d.polygon([(bx + 30 * math.cos(math.radians(a)), by + 30 * math.sin(math.radians(a))) for a in range(-90, 270, 72)], fill=(30, 30, 30))
    for a in range(-90, 270, 72):
        ex, ey = bx + 75 * math.cos(math.radians(a)), by + 75 * math.sin(math.radians(a))
        d.line([(bx + 30 * math.cos(math.radians(a)), by + 30 * math.sin(math.radians(a))), (ex, ey)], fill=(30, 30, 30), width=4)
    gx = w * 0.1
    d.rectangle([gx, h * 0.3, gx + 12, h * 0.55], fill=(255, 255, 255))
    d.rectangle([gx + 300, h * 0.3, gx + 312, h * 0.55], fill=(255, 255, 255))
    d.rectangle([gx, h * 0.3, gx + 312, h * 0.3 + 12], fill=(255, 255, 255))
    for _ in range(10):
        x = rng.uniform(0, w)
        d.polygon([(x, h * 0.05), (x + 40, h * 0.1), (x, h * 0.15)], fill=rng.choice([(230, 60, 60), (250, 200, 50), (60, 120, 220)]))
    d.line([(0, h * 0.08), (w, h * 0.12)], fill=(120, 120, 120), width=2)


def m_bua_an(img, d, rng, w, h):
    sq = 110
    for i in range(0, w, sq):
        for j in range(0, h, sq):
            if (i // sq + j // sq) % 2 == 0:
                d.rectangle([i, j, i + sq, j + sq], fill=(240, 200, 200))
    for k, (cx, cy) in enumerate([(w * 0.3, h * 0.5), (w * 0.68, h * 0.45)]):
        d.rounded_rectangle([cx - 300, cy - 230, cx + 300, cy + 230], radius=40, fill=(225, 228, 232))
        d.ellipse([cx - 260, cy - 40, cx - 20, cy + 200], fill=(255, 255, 255))
        d.ellipse([cx - 230, cy - 10, cx - 50, cy + 170], fill=(250, 250, 245))
        d.rounded_rectangle([cx - 270, cy - 200, cx - 30, cy - 60], radius=20, fill=(255, 255, 255))
        for _ in range(14):
            x, y = rng.uniform(cx - 250, cx - 60), rng.uniform(cy - 185, cy - 80)
            d.ellipse([x - 16, y - 10, x + 16, y + 10], fill=rng.choice([(80, 160, 70), (110, 180, 80)]))
        d.rounded_rectangle([cx + 20, cy - 200, cx + 270, cy - 20], radius=20, fill=(255, 255, 255))
        for _ in range(8):
            x, y = rng.uniform(cx + 50, cx + 240), rng.uniform(cy - 180, cy - 45)
            d.ellipse([x - 22, y - 18, x + 22, y + 18], fill=rng.choice([(190, 110, 60), (220, 140, 70), (240, 130, 50)]))
        d.ellipse([cx + 30, cy + 10, cx + 270, cy + 210], fill=(255, 255, 255))
        d.ellipse([cx + 55, cy + 35, cx + 245, cy + 185], fill=(245, 190, 90))
    d.rounded_rectangle([w * 0.88, h * 0.2, w * 0.9, h * 0.8], radius=8, fill=(190, 190, 200))


def m_y_te(img, d, rng, w, h):
    cx, cy = w * 0.5, h * 0.47
    d.polygon([(cx - 230, cy - 260), (cx + 230, cy - 260), (cx + 230, cy + 20), (cx, cy + 300), (cx - 230, cy + 20)], fill=(40, 150, 130))
    d.rectangle([cx - 45, cy - 190, cx + 45, cy + 110], fill=(255, 255, 255))
    d.rectangle([cx - 150, cy - 85, cx + 150, cy + 5], fill=(255, 255, 255))
    for _ in range(9):
        x, y, s = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(25, 55)
        if abs(x - cx) < 320:
            continue
        c = rng.choice([(240, 110, 130), (110, 170, 230), (120, 200, 170)])
        d.ellipse([x - s, y - s / 2, x, y + s / 2], fill=c)
        d.ellipse([x, y - s / 2, x + s, y + s / 2], fill=c)
        d.polygon([(x - s, y), (x + s, y), (x, y + s * 1.2)], fill=c)
    for _ in range(8):
        x, y, s = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(18, 30)
        if abs(x - cx) < 320:
            continue
        d.rectangle([x - s / 3, y - s, x + s / 3, y + s], fill=(255, 255, 255))
        d.rectangle([x - s, y - s / 3, x + s, y + s / 3], fill=(255, 255, 255))


def m_hop(img, d, rng, w, h):
    d.rectangle([0, h * 0.7, w, h], fill=(200, 170, 130))
    d.rectangle([w * 0.3, h * 0.1, w * 0.7, h * 0.42], fill=(40, 90, 70))
    d.rectangle([w * 0.3 - 12, h * 0.1 - 12, w * 0.7 + 12, h * 0.1], fill=(140, 100, 60))
    for row in range(3):
        y = h * (0.55 + row * 0.14)
        n = 7 + row
        for k in range(n):
            x = w * (0.5 + (k - (n - 1) / 2) * (0.1 + row * 0.012))
            c = rng.choice([(70, 110, 170), (200, 90, 80), (90, 150, 100), (230, 170, 60), (150, 100, 170)])
            d.ellipse([x - 32, y - 95, x + 32, y - 30], fill=(250, 210, 170))
            d.rounded_rectangle([x - 52, y - 35, x + 52, y + 55], radius=24, fill=c)


def m_bang(img, d, rng, w, h):
    d.rectangle([0, h * 0.72, w, h], fill=(190, 150, 110))
    d.rectangle([w * 0.12, h * 0.1, w * 0.88, h * 0.6], fill=(140, 100, 60))
    d.rectangle([w * 0.13, h * 0.12, w * 0.87, h * 0.58], fill=(46, 95, 70))
    for k in range(5):
        y = h * (0.2 + k * 0.07)
        d.line([(w * 0.18, y), (w * (0.18 + rng.uniform(0.25, 0.5)), y)], fill=(225, 235, 225), width=6)
    d.polygon(star(w * 0.78, h * 0.25, 50), fill=(255, 230, 120))
    d.rectangle([w * 0.2, h * 0.62, w * 0.55, h * 0.76], fill=(160, 100, 60))
    d.rectangle([w * 0.22, h * 0.76, w * 0.24, h * 0.95], fill=(130, 80, 50))
    d.rectangle([w * 0.51, h * 0.76, w * 0.53, h * 0.95], fill=(130, 80, 50))
    vx = w * 0.5
    d.polygon([(vx - 35, h * 0.62), (vx + 35, h * 0.62), (vx + 25, h * 0.52), (vx - 25, h * 0.52)], fill=(80, 130, 200))
    for _ in range(5):
        flower(d, vx + rng.uniform(-70, 70), h * rng.uniform(0.38, 0.47), 30, rng.choice([(232, 70, 110), (255, 200, 60), (255, 255, 255)]), (250, 220, 80), 6)


def m_cay(img, d, rng, w, h):
    d.rectangle([0, h * 0.7, w, h], fill=(130, 190, 100))
    d.ellipse([w * 0.1, h * 0.08, w * 0.2, h * 0.23], fill=(255, 214, 90))
    for k in range(6):
        x = w * (0.12 + k * 0.15) + rng.uniform(-30, 30)
        s = rng.uniform(110, 170)
        d.rectangle([x - 14, h * 0.5, x + 14, h * 0.74], fill=(120, 80, 50))
        for _ in range(4):
            ox, oy = rng.uniform(-s * 0.5, s * 0.5), rng.uniform(-s * 0.4, s * 0.2)
            d.ellipse([x + ox - s * 0.7, h * 0.42 + oy - s * 0.7, x + ox + s * 0.7, h * 0.42 + oy + s * 0.7], fill=rng.choice([(60, 140, 70), (80, 160, 80), (50, 120, 60)]))


def m_abstract(img, d, rng, w, h, primary=(11, 79, 138)):
    for _ in range(14):
        x, y, r = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(80, 260)
        d.ellipse([x - r, y - r, x + r, y + r], fill=mix(primary, (255, 255, 255), rng.uniform(0.3, 0.85)))


# keyword in file name → (drawing, sky top, sky bottom); first match wins
MOTIFS = [
    (('trung-thu', 'den-long', 'ong-sao', 'trang-ram'), m_trung_thu, (28, 30, 80), (90, 60, 120)),
    (('khai-giang', 'den-truong', 'tuu-truong', 'ngoi-truong'), m_truong, (150, 200, 245), (230, 245, 255)),
    (('20-11', 'nha-giao', 'bo-hoa', 'tri-an'), m_hoa, (255, 228, 236), (255, 248, 235)),
    (('giao-thong', 'atgt'), m_giao_thong, (170, 215, 245), (235, 245, 255)),
    (('sach', 'thu-vien'), m_sach, (250, 238, 210), (255, 250, 240)),
    (('the-thao', 'bong-da', 'hoi-khoe', 'phu-dong'), m_the_thao, (160, 210, 250), (220, 240, 255)),
    (('bua-an', 'ban-tru', 'bep', 'thuc-pham', 'lam-banh'), m_bua_an, (255, 250, 245), (255, 250, 245)),
    (('y-te', 'tiem', 'suc-khoe', 'kham'), m_y_te, (220, 240, 250), (245, 252, 255)),
    (('hop', 'phu-huynh', 'hoi-nghi'), m_hop, (235, 230, 220), (245, 242, 235)),
    (('hoi-thi', 'day-gioi', 'chuyen-de', 'lop-hoc'), m_bang, (240, 235, 225), (250, 248, 242)),
    (('cay', 'moi-truong', 'vuon'), m_cay, (170, 215, 245), (235, 248, 255)),
]


def seed_of(*parts) -> random.Random:
    return random.Random(int(hashlib.sha256('|'.join(parts).encode()).hexdigest()[:12], 16))


def make_photo(out: Path, site: Site):
    w, h = 1600, 1067
    stem = out.stem
    rng = seed_of(site.id, stem)
    for keys, fn, top, bottom in MOTIFS:
        if any(k in stem for k in keys):
            img = gradient(w, h, top, bottom)
            fn(img, ImageDraw.Draw(img), rng, w, h)
            break
    else:
        img = gradient(w, h, (245, 245, 250), (230, 235, 245))
        m_abstract(img, ImageDraw.Draw(img), rng, w, h, hex_rgb(site.cfg.get('colors', {}).get('primary', '#0b4f8a')))
    img = img.filter(ImageFilter.GaussianBlur(1.2))
    # Flat illustrations compress well; keep each photo small so that the demo stays light.
    for q in (74, 66, 58, 50):
        img.save(out, 'JPEG', quality=q, optimize=True, progressive=True)
        if out.stat().st_size < 48_000:
            break


def initials(site: Site) -> tuple[str, str]:
    short = site.cfg.get('shortName') or site.cfg['name']
    words = short.split()
    level = words[0] if words[0].isupper() else ''
    rest = words[1:] if level else words[-2:]
    return ''.join(wd[0] for wd in rest).upper(), level


def make_logo(out: Path, site: Site):
    s = 1024  # drawn large, reduced to 256 for smooth edges
    primary = hex_rgb(site.cfg.get('colors', {}).get('primary', '#0b4f8a'))
    accent = hex_rgb(site.cfg.get('colors', {}).get('accent', '#b3261e'))
    img = Image.new('RGBA', (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.ellipse([8, 8, s - 8, s - 8], fill=primary + (255,))
    d.ellipse([60, 60, s - 60, s - 60], outline=(255, 255, 255, 255), width=18)
    d.polygon(star(s / 2, s * 0.24, 70), fill=(255, 214, 80, 255))
    ini, level = initials(site)
    f = font(330 if len(ini) <= 2 else 260, True)
    d.text((s / 2, s * 0.53), ini, font=f, fill=(255, 255, 255, 255), anchor='mm')
    d.rounded_rectangle([s / 2 - 170, s * 0.7, s / 2 + 170, s * 0.82], radius=40, fill=accent + (255,))
    d.text((s / 2, s * 0.76), level or 'TRƯỜNG', font=font(90, True), fill=(255, 255, 255, 255), anchor='mm')
    img = img.resize((256, 256), Image.LANCZOS)
    img.quantize(colors=48, method=Image.Quantize.FASTOCTREE).save(out, 'PNG', optimize=True)


ORG_CHARTS = {
    'mn-hoa-sen': {
        'levels': [
            [('Chi bộ', None), ('Hội đồng trường', None)],
            [('Hiệu trưởng', [0, 1])],
            [('Phó Hiệu trưởng\nphụ trách chuyên môn', 0), ('Phó Hiệu trưởng\nphụ trách nuôi dưỡng, CSVC', 0)],
            [('Tổ chuyên môn\nNhà trẻ', 0), ('Tổ chuyên môn\nMẫu giáo bé, nhỡ', 0), ('Tổ chuyên môn\nMẫu giáo lớn', 0), ('Tổ Nuôi dưỡng', 1), ('Tổ Văn phòng', 1)],
        ],
        'partners': ['Công đoàn cơ sở', 'Chi đoàn thanh niên', 'Ban đại diện cha mẹ trẻ em', 'Hội đồng thi đua - khen thưởng'],
    },
    'th-kim-dong': {
        'levels': [
            [('Chi bộ', None), ('Hội đồng trường', None)],
            [('Hiệu trưởng', [0, 1])],
            [('Phó Hiệu trưởng\nphụ trách khối 1, 2, 3', 0), ('Phó Hiệu trưởng\nphụ trách khối 4, 5, bán trú', 0)],
            [('Tổ chuyên môn\nKhối 1', 0), ('Tổ chuyên môn\nKhối 2', 0), ('Tổ chuyên môn\nKhối 3', 0), ('Tổ chuyên môn\nKhối 4', 1), ('Tổ chuyên môn\nKhối 5', 1), ('Tổ Văn phòng\nvà bán trú', 1)],
        ],
        'partners': ['Công đoàn cơ sở', 'Liên đội TNTP Hồ Chí Minh', 'Chi đoàn thanh niên', 'Ban đại diện cha mẹ học sinh'],
    },
    'thcs-le-loi': {
        'levels': [
            [('Chi bộ', None), ('Hội đồng trường', None)],
            [('Hiệu trưởng', [0, 1])],
            [('Phó Hiệu trưởng\nphụ trách chuyên môn', 0), ('Phó Hiệu trưởng\nphụ trách CSVC, hoạt động GD', 0)],
            [('Tổ Ngữ văn -\nNgoại ngữ', 0), ('Tổ Toán - Tin', 0), ('Tổ Khoa học\ntự nhiên', 0), ('Tổ Khoa học xã hội\n- Nghệ thuật', 1), ('Tổ Văn phòng', 1)],
        ],
        'partners': ['Công đoàn cơ sở', 'Liên đội TNTP Hồ Chí Minh', 'Chi đoàn thanh niên', 'Ban đại diện cha mẹ học sinh'],
    },
}


def make_org_chart(out: Path, site: Site):
    spec = ORG_CHARTS.get(site.id)
    if not spec:
        raise SystemExit(f'Không có sơ đồ tổ chức cho {site.id} (ORG_CHARTS).')
    W, H = 1600, 920
    primary = hex_rgb(site.cfg['colors']['primary'])
    light = mix(primary, (255, 255, 255), 0.88)
    img = Image.new('RGB', (W, H), (255, 255, 255))
    d = ImageDraw.Draw(img)
    d.text((W / 2, 48), f'SƠ ĐỒ TỔ CHỨC {site.cfg["name"].upper()}', font=font(34, True), fill=primary, anchor='mm')
    levels = spec['levels']
    row_y = [140, 290, 440, 610]
    bh = 86
    boxes = []
    for li, row in enumerate(levels):
        n = len(row)
        bw = min(360, (W - 80) / n - 24)
        gap = (W - n * bw) / (n + 1)
        out_row = []
        for k, (label, parent) in enumerate(row):
            x0 = gap + k * (bw + gap)
            y0 = row_y[li]
            out_row.append((x0, y0, x0 + bw, y0 + bh, label, parent))
        boxes.append(out_row)
    # connectors
    for li in range(1, len(boxes)):
        for (x0, y0, x1, y1, label, parent) in boxes[li]:
            parents = parent if isinstance(parent, list) else [parent] if parent is not None else []
            for pi in parents:
                px0, py0, px1, py1 = boxes[li - 1][pi][:4]
                pcx, ccx = (px0 + px1) / 2, (x0 + x1) / 2
                mid = (py1 + y0) / 2
                d.line([(pcx, py1), (pcx, mid), (ccx, mid), (ccx, y0)], fill=(90, 90, 90), width=3)
    for li, row in enumerate(boxes):
        for (x0, y0, x1, y1, label, parent) in row:
            top = li <= 1
            d.rounded_rectangle([x0, y0, x1, y1], radius=14, fill=primary if top else light, outline=primary, width=3)
            d.multiline_text(((x0 + x1) / 2, (y0 + y1) / 2), label, font=font(22, top), fill=(255, 255, 255) if top else (25, 25, 25), anchor='mm', align='center', spacing=6)
    # partner organisations
    py = 780
    d.text((W / 2, py - 36), 'Các tổ chức đoàn thể, hội đồng phối hợp với nhà trường', font=font(24), fill=(60, 60, 60), anchor='mm')
    parts = spec['partners']
    bw = 350
    gap = (W - len(parts) * bw) / (len(parts) + 1)
    for k, label in enumerate(parts):
        x0 = gap + k * (bw + gap)
        for xx in range(int(x0), int(x0 + bw), 18):
            d.line([(xx, py), (min(xx + 9, x0 + bw), py)], fill=primary, width=3)
            d.line([(xx, py + 80), (min(xx + 9, x0 + bw), py + 80)], fill=primary, width=3)
        d.line([(x0, py), (x0, py + 80)], fill=primary, width=3)
        d.line([(x0 + bw, py), (x0 + bw, py + 80)], fill=primary, width=3)
        d.text((x0 + bw / 2, py + 40), label, font=font(20), fill=(25, 25, 25), anchor='mm')
    img = img.quantize(colors=64)
    img.save(out, 'PNG', optimize=True)


# ---------------------------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------------------------

def generate_site(site: Site, entries: list[Entry]) -> tuple[int, list[str]]:
    wanted: dict[str, Entry | None] = {}
    for ref in front_refs({k: v for k, v in site.cfg.items() if k in ('logo', 'leaders')}, []):
        wanted.setdefault(ref, None)
    for e in entries:  # entries come in PRIORITY order: the first referrer describes the file
        for ref in front_refs(e.front, []) + body_refs(e.body):
            if ref not in wanted or wanted[ref] is None:
                wanted[ref] = e
    problems = []
    for ref, e in sorted(wanted.items()):
        out = site.root / ref
        if '..' in Path(ref).parts or Path(ref).is_absolute():
            problems.append(f'{ref}: đường dẫn ra ngoài thư mục')
            continue
        out.parent.mkdir(parents=True, exist_ok=True)
        ext = out.suffix.lower()
        stem = out.stem
        if ext == '.png' and stem.startswith('logo'):
            make_logo(out, site)
        elif ext == '.png' and 'so-do' in stem:
            make_org_chart(out, site)
        elif ext in ('.jpg', '.jpeg', '.png'):
            make_photo(out, site)
        elif ext in ('.pdf', '.docx'):
            if stem in FORMS:
                fn, title = FORMS[stem]
                blocks, meta = fn(site), {'title': title, 'author': site.org}
            elif stem in DRAFTS:
                title, text = DRAFTS[stem]
                blocks = [site.header(None, None, draft=True), ('title', ['DỰ THẢO', upper_vn(title)])] + md_blocks(text)
                meta = {'title': f'Dự thảo {title}', 'author': site.org}
            elif e is not None:
                blocks, meta = entry_blocks(site, e, ref)
            else:
                problems.append(f'{ref}: không biết nội dung để tạo tệp')
                continue
            (write_pdf if ext == '.pdf' else write_docx)(blocks, out, meta)
        else:
            problems.append(f'{ref}: không tạo được loại tệp {ext}')
            continue
        limit = SIZE_LIMIT.get(ext)
        if limit and out.stat().st_size > limit:
            problems.append(f'{ref}: {out.stat().st_size} byte, vượt giới hạn {limit}')
    media = site.root / 'media'
    unused = [str(p.relative_to(site.root)) for p in sorted(media.rglob('*')) if p.is_file() and str(p.relative_to(site.root)) not in wanted] if media.is_dir() else []
    for u in unused:
        print(f'  (không được dùng / unreferenced) {site.id}/{u}')
    return len(wanted), problems


def main():
    host_yaml = CONTENT / 'host.yaml'
    host_cfg = yaml.safe_load(host_yaml.read_text('utf-8')) if host_yaml.exists() else None
    sites = []
    if host_cfg:
        sites.append(('host', CONTENT / 'host', host_yaml))
    schools = CONTENT / 'schools'
    for d in sorted(schools.iterdir()) if schools.is_dir() else []:
        if (d / 'school.yaml').exists():
            sites.append((d.name, d, d / 'school.yaml'))
    problems = []
    for sid, root, ypath in sites:
        cfg, entries = load_site(root, ypath)
        site = Site(sid, root, cfg, host_cfg)
        n, probs = generate_site(site, entries)
        print(f'{sid}: {n} tệp / files')
        problems += [f'{sid}/{p}' for p in probs]
    for p in problems:
        print('LỖI / ERROR:', p, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
