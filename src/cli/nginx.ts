/**
 * `congtruong nginx`: writes the nginx configuration for the sites published in `<out>/sites/`.
 */
import { readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ErrorArgs } from '../errors/catalogue.ts';
import { cliError, type CliErrorName } from '../errors/cli-errors.ts';
import type { Lang } from '../errors/content-errors.ts';
import { editorNginxConfig } from '../hosting/editor-service.ts';
import { isListenValue, isSiteFolder, nginxConfig, nginxPathProblem } from '../hosting/nginx.ts';
import { portOf } from './options.ts';

export async function nginx(args: {
  out?: string | undefined;
  sites?: string | undefined;
  listen?: string | undefined;
  https?: boolean;
  /** Also the editor's block (`congtruong serve`), at this host name. */
  editor?: string | undefined;
  editorPort?: string | undefined;
  editorHttp?: boolean;
  editorCert?: string | undefined;
  editorKey?: string | undefined;
  /** Folder of the certificates, one sub-folder per domain (certbot's `/etc/letsencrypt/live`). */
  tlsCerts?: string | undefined;
  lang: Lang;
}): Promise<number> {
  const vi = args.lang === 'vi';
  const fail = (name: CliErrorName, values: ErrorArgs, code = 2) => {
    console.error(cliError(name, values, args.lang));
    return code;
  };
  if (args.listen !== undefined && !isListenValue(args.listen)) {
    return fail('badListen', { value: JSON.stringify(args.listen) });
  }
  let editorBlock = '';
  if (args.editor !== undefined || args.editorPort !== undefined || args.editorCert !== undefined || args.editorKey !== undefined) {
    const port = portOf(args.editorPort ?? '8080', 1);
    if (args.editor === undefined || !isSiteFolder(args.editor) || args.editor.includes('+')) {
      return fail('badEditorHost', { value: JSON.stringify(args.editor ?? '') });
    }
    if (port === undefined) {
      return fail('badEditorPort', { value: JSON.stringify(args.editorPort) });
    }
    const file = [args.editorCert, args.editorKey].find((f) => f !== undefined && !/^\/[A-Za-z0-9_./:+-]+$/.test(f));
    if (file !== undefined) {
      return fail('badEditorCertPath', { value: JSON.stringify(file) });
    }
    editorBlock = editorNginxConfig({
      serverName: args.editor,
      port,
      https: !args.editorHttp,
      listen: args.listen,
      certificate: args.editorCert,
      certificateKey: args.editorKey,
    });
  }
  const sitesDir = path.resolve(args.sites ?? 'dist/sites');
  const unsafe = nginxPathProblem(sitesDir);
  if (unsafe) {
    return fail('unsafeSitesPath', { dir: sitesDir, char: unsafe });
  }
  const entries = await readdir(sitesDir, { withFileTypes: true }).catch(() => null);
  if (!entries) {
    return fail('sitesUnreadable', { dir: sitesDir });
  }
  const domains: string[] = [];
  const skipped: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const dir = e.isDirectory() || (e.isSymbolicLink() && (await stat(path.join(sitesDir, e.name)).catch(() => null))?.isDirectory());
    if (!dir) continue;
    // Only names the build writes (a domain, or `<domain>+<id>`): a folder put there by hand
    // with quotes, spaces or `;` in its name would otherwise write directives of its own.
    if (isSiteFolder(e.name)) domains.push(e.name);
    else skipped.push(JSON.stringify(e.name));
  }
  domains.sort();
  if (skipped.length > 0) {
    fail('skippedSiteFolders', { count: skipped.length, dir: sitesDir, names: skipped.join(', ') });
  }
  const certDir = args.tlsCerts === undefined ? undefined : path.resolve(args.tlsCerts);
  const unsafeCerts = certDir === undefined ? undefined : nginxPathProblem(certDir);
  if (certDir !== undefined && unsafeCerts) {
    return fail('unsafeCertDir', { dir: certDir, char: unsafeCerts });
  }
  const config =
    nginxConfig(domains, {
      sitesDir,
      listen: args.listen,
      https: args.https,
      tls: certDir === undefined ? undefined : { certDir },
    }) + (editorBlock ? `\n${editorBlock}` : '');
  if (args.out) {
    try {
      await writeFile(args.out, config);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? String(err);
      return fail('cannotWrite', { file: args.out, code }, 1);
    }
    console.log(
      vi
        ? `Đã ghi cấu hình nginx cho ${domains.length} trang web vào ${args.out}.`
        : `Wrote the nginx configuration of ${domains.length} sites to ${args.out}.`,
    );
  } else process.stdout.write(config);
  return 0;
}
