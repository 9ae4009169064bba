/**
 * Operating the publishing server (`congtruong serve`) on a hosting unit's machine: a systemd
 * unit that runs it as a dedicated unprivileged user with the file system read-only except for
 * the content, the published sites and its database, and an nginx server block for the editor's
 * address that proxies to it on 127.0.0.1. The public school sites stay static files that nginx
 * serves itself (`congtruong nginx`): this server is never on their path.
 */
import { UPLOAD_BODY_BYTES } from '../media/file-policy.ts';

export interface EditorServiceOptions {
  /** Host name editors open, e.g. `soanbai.pgd.example.edu.vn`. */
  serverName: string;
  /** Port the server listens on, on 127.0.0.1. Default 8080. */
  port?: number | undefined;
  /** The project's folder (where `bin/congtruong.mjs` is). Default `/opt/congtruong`. */
  appDir?: string | undefined;
  /** Content folder (a git repository). Default `/srv/congtruong/content`. */
  contentDir?: string | undefined;
  /** Output folder (`dist`, whose `sites/` nginx serves). Default `/srv/congtruong/dist`. */
  outDir?: string | undefined;
  /** Folder of the accounts database. Default `/var/lib/congtruong`. */
  dataDir?: string | undefined;
  /** Unix user the service runs as. Default `congtruong`. */
  user?: string | undefined;
  /** Serve the editor over HTTPS (certificate paths in the nginx block). Default true. */
  https?: boolean | undefined;
  /** nginx's `listen` for plain HTTP (default 80), e.g. `127.0.0.1:8081`. */
  listen?: string | undefined;
  /** The OpenID Connect settings file (`serve --oidc`), when the editor logs in through the host's provider. */
  oidcFile?: string | undefined;
  /** TLS certificate (chain) file. Default certbot's `/etc/letsencrypt/live/<serverName>/fullchain.pem`. */
  certificate?: string | undefined;
  /** Its private key. Default certbot's `/etc/letsencrypt/live/<serverName>/privkey.pem`. */
  certificateKey?: string | undefined;
}

function safe(value: string): string {
  if (!/^[A-Za-z0-9_./:+-]+$/.test(value)) throw new Error(`Refusing an unsafe value in a service file: ${value}`);
  return value;
}

function resolved(opts: EditorServiceOptions) {
  return {
    serverName: safe(opts.serverName),
    port: opts.port ?? 8080,
    appDir: safe(opts.appDir ?? '/opt/congtruong'),
    contentDir: safe(opts.contentDir ?? '/srv/congtruong/content'),
    outDir: safe(opts.outDir ?? '/srv/congtruong/dist'),
    dataDir: safe(opts.dataDir ?? '/var/lib/congtruong'),
    // Where `congtruong build` keeps its caches (src/pipeline/paths.ts): `.cache/` beside the output folder.
    cacheDir: safe(`${(opts.outDir ?? '/srv/congtruong/dist').replace(/\/[^/]+\/?$/, '')}/.cache`),
    user: safe(opts.user ?? 'congtruong'),
    https: opts.https ?? true,
    listen: safe(opts.listen ?? '80'),
    oidc: opts.oidcFile === undefined ? '' : ` --oidc ${safe(opts.oidcFile)}`,
    certificate: safe(opts.certificate ?? `/etc/letsencrypt/live/${opts.serverName}/fullchain.pem`),
    certificateKey: safe(opts.certificateKey ?? `/etc/letsencrypt/live/${opts.serverName}/privkey.pem`),
  };
}

/** `/etc/systemd/system/congtruong-serve.service`. */
export function systemdUnit(opts: EditorServiceOptions): string {
  const o = resolved(opts);
  const scheme = o.https ? 'https' : 'http';
  return `# Máy chủ soạn bài Cổng Trường (congtruong serve). Tạo bởi Cổng Trường; xem docs/hosting.md.
[Unit]
Description=Cong Truong publishing server (congtruong serve)
After=network.target

[Service]
Type=simple
User=${o.user}
Group=${o.user}
WorkingDirectory=${o.appDir}
ExecStart=${o.appDir}/node_modules/.bin/node bin/congtruong.mjs serve --content ${o.contentDir} --out ${o.outDir} --db ${o.dataDir}/congtruong.db --host 127.0.0.1 --port ${o.port} --public-url ${scheme}://${o.serverName}${o.oidc}
# A save in progress finishes before the server stops (at most a minute).
KillSignal=SIGTERM
TimeoutStopSec=90
Restart=on-failure
RestartSec=5
# Logs are plain lines in the journal: journalctl -u congtruong-serve
StandardOutput=journal
StandardError=journal
Environment=NODE_ENV=production ASTRO_TELEMETRY_DISABLED=1
# Hardening: nothing but the content, the sites and the database is writable.
NoNewPrivileges=yes
PrivateTmp=yes
PrivateDevices=yes
ProtectSystem=strict
ProtectHome=yes
ProtectKernelTunables=yes
ProtectKernelModules=yes
ProtectControlGroups=yes
RestrictSUIDSGID=yes
LockPersonality=yes
RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6
# The build's caches: beside the output folder, and Astro's in the project (create them first).
ReadWritePaths=${o.contentDir} ${o.outDir} ${o.dataDir} -${o.cacheDir} -${o.appDir}/.astro -${o.appDir}/node_modules/.astro -${o.appDir}/node_modules/.vite
StateDirectory=congtruong
UMask=0022

[Install]
WantedBy=multi-user.target
`;
}

/**
 * The editor's server block, for nginx's `http` context (e.g.
 * `/etc/nginx/conf.d/congtruong-soanbai.conf`). With HTTPS, port 80 only redirects, and the
 * certificate paths follow certbot's layout unless given. The one definition of this block:
 * `congtruong serve --print nginx` prints it and `congtruong nginx --editor` appends it to the
 * sites' configuration.
 */
export function editorNginxConfig(opts: EditorServiceOptions): string {
  const o = resolved(opts);
  const proxy = `
    # Uploads: the largest accepted file once the editor has encoded it in base64, plus the entry.
    client_max_body_size ${Math.ceil(UPLOAD_BODY_BYTES / (1024 * 1024))}m;

    location / {
        proxy_pass http://127.0.0.1:${o.port};
        # The server checks the Host (and the Origin of every change) against --public-url:
        # pass the one the browser sent, with its port when it is not the default.
        proxy_set_header Host $http_host;
        proxy_set_header X-Real-IP $remote_addr;
        proxy_set_header X-Forwarded-Proto $scheme;
        # A save waits for the school to be rebuilt and published.
        proxy_read_timeout 120s;
        proxy_buffering off;
    }

    add_header X-Content-Type-Options "nosniff" always;
    add_header Referrer-Policy "same-origin" always;
    add_header X-Frame-Options "DENY" always;`;
  if (!o.https) {
    return `# Trang soạn bài Cổng Trường (congtruong serve). Chỉ dùng HTTP trong mạng nội bộ để thử.
server {
    listen ${o.listen};
    server_name ${o.serverName};
${proxy}
}
`;
  }
  return `# Trang soạn bài Cổng Trường (congtruong serve). Chứng chỉ: certbot certonly --nginx -d ${o.serverName}
server {
    listen ${o.listen};
    server_name ${o.serverName};
    return 301 https://$host$request_uri;
}

server {
    # \`listen … http2\` rather than \`http2 on;\`: Debian 12's nginx (1.22) does not know the latter.
    listen 443 ssl http2;
    server_name ${o.serverName};
    ssl_certificate ${o.certificate};
    ssl_certificate_key ${o.certificateKey};
    ssl_protocols TLSv1.2 TLSv1.3;
    add_header Strict-Transport-Security "max-age=31536000" always;
${proxy}
}
`;
}
