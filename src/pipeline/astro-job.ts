/** The job file the orchestrator hands an Astro worker process: which sites to render, with what. */
import { readFile, writeFile } from 'node:fs/promises';
import { deserialize, serialize } from 'node:v8';
import type { LoadedHost, LoadedSchool } from '../content/load.ts';
import type { DirectoryEntry } from '../site/render-input.ts';

/** What the orchestrator asks a worker to render. */
export interface AstroJob {
  contentDir: string;
  schoolIds: string[];
  includeHost: boolean;
  outDir: string;
  cacheDir: string;
  directory: DirectoryEntry[];
  /** The build's date and clock (see `RenderInput`); without them, today and now in Vietnam. */
  date?: string | undefined;
  now?: string | undefined;
  /**
   * The content of the job's schools and the host as the orchestrator loaded and checked it, with
   * their addresses set: what was checked is what is rendered, and it is not parsed twice. Without
   * it (the benchmark's bare reference), the worker loads the content itself.
   */
  content?: { schools: LoadedSchool[]; host?: LoadedHost | undefined } | undefined;
}

/**
 * Job files use V8's serialization: a job carries the loaded content of its sites (with its
 * `Map`s), and reading it back costs a fraction of loading the Markdown and YAML again.
 */
export async function writeJob(file: string, job: AstroJob): Promise<void> {
  await writeFile(file, serialize(job));
}

export async function readJob(file: string): Promise<AstroJob> {
  return deserialize(await readFile(file)) as AstroJob;
}
