/**
 * Resolving the values of a `new` command: from flags, from defaults, or — in a terminal —
 * by asking. Without a terminal (scripts, CI) a missing required value is an error that lists
 * every missing flag at once with an example.
 */
import { createInterface, type Interface } from 'node:readline/promises';
import { perLang } from '../errors/catalogue.ts';
import type { Lang } from '../errors/content-errors.ts';
import { checkValue, list, type FlagSpec, type SchoolContext, type Values } from './flags.ts';
import { ScaffoldError } from './scaffold-error.ts';

export interface Prompter {
  ask(question: string): Promise<string>;
  say(line: string): void;
  close(): void;
}

/** A prompter on stdin/stdout; Ctrl+D or Ctrl+C ends the command without writing anything. */
export function terminalPrompter(): Prompter {
  const rl: Interface = createInterface({ input: process.stdin, output: process.stdout });
  let closed = false;
  const cancelled = new ScaffoldError('cancelled');
  const onClose = new Promise<never>((_, reject) => rl.once('close', () => ((closed = true), reject(cancelled))));
  onClose.catch(() => undefined);
  return {
    ask: async (q) => {
      if (closed) throw cancelled;
      return Promise.race([rl.question(q), onClose]);
    },
    say: (line) => process.stdout.write(`${line}\n`),
    close: () => rl.close(),
  };
}

const ASK = {
  vi: { required: 'Cần một giá trị.', more: 'Thêm tệp khác (Enter để bỏ qua)', altOf: (n: string) => `Mô tả ảnh ${n} cho người khiếm thị` },
  en: {
    required: 'A value is needed.',
    more: 'Another file (Enter to skip)',
    altOf: (n: string) => `Description of image ${n} for blind readers`,
  },
} as const;

async function askOne(
  p: Prompter,
  spec: FlagSpec,
  lang: Lang,
  label: string,
  fallback?: string,
  required = true,
): Promise<string | undefined> {
  const choices = spec.choices ? ` (${spec.choices.join(', ')})` : '';
  for (;;) {
    const answer = (await p.ask(`${label}${choices}${fallback ? ` [${fallback}]` : ''}: `)).trim();
    const value = answer === '' ? fallback : answer;
    if (value === undefined || value === '') {
      if (!required) return undefined;
      p.say(ASK[lang].required);
      continue;
    }
    try {
      return spec.path ? value.replace(/^(["'])(.*)\1$/, '$2') : checkValue(spec, value);
    } catch (err) {
      if (!(err instanceof ScaffoldError)) throw err;
      p.say(err.render(lang));
    }
  }
}

/** Values of `flags` from `given` (parsed command line), defaults and questions, in flag order. */
export async function resolveValues(
  flags: readonly FlagSpec[],
  given: Values,
  ctx: SchoolContext | undefined,
  lang: Lang,
  prompter: Prompter | undefined,
): Promise<Values> {
  const v: Values = {};
  const missing: FlagSpec[] = [];
  for (const spec of flags) {
    const raw = given[spec.name];
    if (spec.boolean) {
      v[spec.name] = raw === true;
      continue;
    }
    const values = list(given, spec.name);
    if (values.length > 0) {
      const checked = values.map((x) => (spec.path ? x : checkValue(spec, x)));
      v[spec.name] = spec.multiple ? checked : checked.at(-1);
      continue;
    }
    const fallback = spec.fallback?.(ctx, v);
    // Images need one description each: ask for those not given on the command line.
    if (spec.name === 'alt' && prompter) {
      const images = list(v, 'file').length || list(v, 'image').length;
      const alts: string[] = [];
      for (let i = 0; i < images; i++) alts.push((await askOne(prompter, spec, lang, ASK[lang].altOf(String(i + 1))))!);
      if (alts.length > 0) v.alt = alts;
      continue;
    }
    if (!spec.required) {
      if (fallback !== undefined) v[spec.name] = spec.multiple ? [fallback] : checkValue(spec, fallback);
      continue;
    }
    if (prompter) {
      const label = `${spec.label[lang]} (--${spec.name})`;
      const first = await askOne(prompter, spec, lang, label, fallback);
      if (spec.multiple && spec.path) {
        const all = [first!];
        for (;;) {
          const more = await askOne(prompter, spec, lang, ASK[lang].more, undefined, false);
          if (more === undefined) break;
          all.push(more);
        }
        v[spec.name] = all;
      } else v[spec.name] = spec.multiple ? [first!] : first;
    } else if (fallback !== undefined) {
      v[spec.name] = spec.multiple ? [fallback] : checkValue(spec, fallback);
    } else missing.push(spec);
  }
  if (missing.length > 0) throw missingFlags(missing);
  return v;
}

function missingFlags(missing: readonly FlagSpec[]): ScaffoldError {
  const rows = (lang: Lang) =>
    missing.map((s) => `  --${s.name} ${s.example}   (${s.label[lang]}${s.choices ? `: ${s.choices.join(', ')}` : ''})`).join('\n');
  return new ScaffoldError('missingFlags', { rows: perLang(rows) });
}
