/**
 * Facts from a validated content folder. Sections that the theme always renders (Giới thiệu,
 * Liên hệ, Công khai, Văn bản …) exist when their content exists; the technical facts are left
 * unknown because they belong to the built site (check it with `--site`).
 */
import path from 'node:path';
import type { LoadedSchool } from '../content/load.ts';
import type { Evidence, SectionKey, SiteFacts } from '../site/facts.ts';
import { SECTIONS, sectionUrl } from '../site/sections.ts';
import { day } from './calendar.ts';
import { isScheduled } from '../content/schedule.ts';

const ext = (f: string) => path.extname(f).slice(1).toLowerCase();

export function factsFromContent(site: LoadedSchool): SiteFacts {
  const c = site.config;
  const col = site.collections;
  const yaml: Evidence = { file: path.join(site.dir, 'school.yaml') };
  const sections: Partial<Record<SectionKey, Evidence>> = {};
  for (const p of col.pages) {
    if (p.data.kind !== 'khac') sections[p.data.kind] = { file: p.file, text: p.data.title };
  }
  // The theme always renders these sections; they are "present" when they have content.
  const first = (key: SectionKey, entries: { file: string }[]) => {
    if (entries[0]) sections[key] = { file: entries[0].file };
  };
  first(SECTIONS.news.manifest, col.news);
  first(SECTIONS.documents.manifest, col.documents);
  first(SECTIONS.admissions.manifest, col.admissions);
  first(SECTIONS.disclosures.manifest, col.disclosures);
  first(SECTIONS.forms.manifest, col.forms);
  first(SECTIONS.schedules.manifest, col.schedules);
  // The consultation page and the site map are rendered even when empty.
  sections[SECTIONS.consultations.manifest] = { file: col.consultations[0]?.file ?? site.dir, text: SECTIONS.consultations.title.vi };
  sections[SECTIONS.sitemap.manifest] = { text: sectionUrl('sitemap') };
  // Contact details in school.yaml feed the Liên hệ page even without a page file.
  sections[SECTIONS.contact.manifest] ??= { file: yaml.file, text: SECTIONS.contact.title.vi };

  return {
    id: site.id,
    input: 'source',
    name: c.name,
    levels: [...c.levels],
    domain: c.domain,
    hasMeals: c.hasMeals,
    foreignPrograms: c.foreignPrograms,
    emails: [c.email],
    governingBody: c.governingBody,
    header: { name: true, governingBody: true, evidence: yaml },
    footer: { unitName: true, responsiblePerson: true, address: true, phone: true, email: true, evidence: yaml },
    sections,
    leaders: c.leaders.map((l, i) => ({ ...l, evidence: { ...yaml, text: `leaders[${i}]` } })),
    news: col.news
      .filter((n) => !n.data.draft)
      .map((n) => ({ title: n.data.title, published: day(n.data.date), category: n.data.category, evidence: { file: n.file } })),
    documents: col.documents.map((d) => ({
      title: d.data.summary,
      number: d.data.number,
      issuer: d.data.issuer,
      published: day(d.data.issued),
      hasFile: true,
      evidence: { file: d.file },
    })),
    disclosures: col.disclosures.map((d) => ({
      schoolYear: d.schoolYear!,
      item: d.data.item,
      title: d.data.title,
      published: day(d.data.published),
      updated: d.data.updated && day(d.data.updated),
      changed: d.data.changed && day(d.data.changed),
      officialInfo: d.data.officialInfo && day(d.data.officialInfo),
      reportYear: d.data.reportYear,
      attachmentTypes: d.data.attachments.map((a) => ext(a.file)),
      evidence: { file: d.file },
    })),
    schedules: col.schedules.map((s) => ({
      kind: s.data.kind,
      title: s.data.title,
      from: s.data.from,
      to: s.data.to,
      published: day(s.data.published),
      evidence: { file: s.file },
    })),
    forms: col.forms.map((f) => ({ title: f.data.title, published: day(f.data.updated), evidence: { file: f.file } })),
    admissions: col.admissions.map((a) => ({
      title: a.data.title,
      schoolYear: a.data.schoolYear,
      kind: a.data.kind,
      levels: a.data.levels && [...a.data.levels],
      published: day(a.data.published),
      details: a.data.details ? Object.keys(a.data.details) : [],
      registrationUrl: a.data.registrationUrl,
      evidence: { file: a.file },
    })),
    consultations: col.consultations.map((x) => ({ title: x.data.title, published: day(x.data.published), evidence: { file: x.file } })),
    texts: [
      ...Object.values(col)
        .flat()
        .filter((e) => !(e.data as { draft?: boolean }).draft)
        .map((e) => ({ text: e.text, evidence: { file: e.file } })),
    ],
  };
}

/**
 * The content that is public on `date`: an item whose publication date (news `date`, disclosure
 * `published`, schedule `published`, document `issued`, form `updated`, admission and
 * consultation `published`) is after `date` is scheduled, not yet public, and no rule may see it:
 * it neither fulfils a duty early nor is judged for its text. An update or a change dated after
 * `date` has not happened yet either. Dates are Vietnam calendar days, like `date`.
 *
 * Facts built from content keep every item (the build caches them across days); the engine
 * applies this filter for the day of each check.
 */
export function publicOn(facts: SiteFacts, date: string): SiteFacts {
  if (facts.input !== 'source') return facts;
  const hidden = new Set<string>();
  // The whole day counts: an item set for 07:00 on the check day is public on that day (the
  // build at the same date publishes it, see src/content/schedule.ts).
  const endOfDay = date.length === 10 ? `${date}T23:59` : date;
  const pub = <T extends { published?: string | undefined; evidence: Evidence }>(items: T[]): T[] =>
    items.filter((i) => {
      const scheduled = isScheduled(i.published, endOfDay);
      if (scheduled && i.evidence.file) hidden.add(i.evidence.file);
      return !scheduled;
    });
  const past = (d: string | undefined) => (d !== undefined && d <= endOfDay ? d : undefined);
  const result: SiteFacts = {
    ...facts,
    news: pub(facts.news),
    documents: pub(facts.documents),
    disclosures: pub(facts.disclosures).map((d) => ({
      ...d,
      updated: past(d.updated),
      changed: past(d.changed),
      officialInfo: past(d.officialInfo),
    })),
    schedules: pub(facts.schedules),
    forms: pub(facts.forms),
    admissions: pub(facts.admissions),
    consultations: pub(facts.consultations),
  };
  result.texts = facts.texts.filter((t) => !t.evidence.file || !hidden.has(t.evidence.file));
  // Sections that exist only through their content (Tin tức, Văn bản …) follow what is public.
  const byContent: [SectionKey, { evidence: Evidence }[]][] = [
    [SECTIONS.news.manifest, result.news],
    [SECTIONS.documents.manifest, result.documents],
    [SECTIONS.admissions.manifest, result.admissions],
    [SECTIONS.disclosures.manifest, result.disclosures],
    [SECTIONS.forms.manifest, result.forms],
    [SECTIONS.schedules.manifest, result.schedules],
  ];
  const sections: Partial<Record<SectionKey, Evidence>> = {};
  for (const [key, ev] of Object.entries(facts.sections) as [SectionKey, Evidence][]) {
    const items = byContent.find(([k]) => k === key)?.[1];
    if (!items || !ev.file || !hidden.has(ev.file)) sections[key] = ev;
    else if (items[0]) sections[key] = items[0].evidence;
  }
  result.sections = sections;
  return result;
}
