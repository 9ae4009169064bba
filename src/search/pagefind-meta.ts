/**
 * Reads the index chunks listed in a Pagefind metadata file (`pagefind.<hash>.pf_meta`), so that
 * the search page can name them: with the query in its address, the page asks for the chunks
 * that hold the query's words while Pagefind's worker is still starting, instead of one round
 * trip after it (issue 18).
 *
 * The file is gzip of `pagefind_dcd` followed by CBOR (RFC 8949); the metadata is an array whose
 * third item lists the chunks as `[first word, last word, hash]`, in word order. Pagefind asks
 * for the chunk whose range holds a word (`request_indexes` in pagefind_web). If a future
 * Pagefind changes the layout, `indexChunks` returns nothing and the page just preloads nothing.
 */
import { gunzipSync } from 'node:zlib';

/** An index chunk: the words from `from` to `to` (inclusive, in code-point order) are in `hash`. */
export interface IndexChunk {
  from: string;
  to: string;
  hash: string;
}

const SIGNATURE = 'pagefind_dcd';

/** The chunks of a metadata file as Pagefind wrote it (gzipped), or `[]` when it reads otherwise. */
export function indexChunks(file: Uint8Array): IndexChunk[] {
  try {
    const data = gunzipSync(file);
    if (data.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) return [];
    const meta = new CborReader(data.subarray(SIGNATURE.length)).read();
    if (!Array.isArray(meta) || !Array.isArray(meta[2])) return [];
    const chunks: IndexChunk[] = [];
    for (const c of meta[2] as unknown[]) {
      if (!Array.isArray(c) || c.length < 3 || !c.slice(0, 3).every((x) => typeof x === 'string')) return [];
      chunks.push({ from: c[0] as string, to: c[1] as string, hash: c[2] as string });
    }
    return chunks;
  } catch {
    return [];
  }
}

/** Just enough CBOR for Pagefind's metadata: integers, strings, arrays, maps, simple values. */
class CborReader {
  #pos = 0;
  readonly #data: Buffer;

  constructor(data: Buffer) {
    this.#data = data;
  }

  read(): unknown {
    const head = this.#byte();
    const major = head >> 5;
    const length = this.#length(head & 0x1f);
    switch (major) {
      case 0:
        return length;
      case 1:
        return -1 - length;
      case 2:
        return this.#bytes(length);
      case 3:
        return this.#bytes(length).toString('utf8');
      case 4:
        return Array.from({ length }, () => this.read());
      case 5: {
        const map = new Map<unknown, unknown>();
        for (let i = 0; i < length; i++) map.set(this.read(), this.read());
        return map;
      }
      case 6:
        return this.read(); // a tag: its value
      default:
        // Simple values (false, true, null) carry no length; floats are not in the metadata.
        if ((head & 0x1f) >= 25) throw new Error('CBOR float in Pagefind metadata');
        return head & 0x1f;
    }
  }

  #byte(): number {
    if (this.#pos >= this.#data.length) throw new Error('Truncated CBOR');
    return this.#data[this.#pos++]!;
  }

  #bytes(n: number): Buffer {
    if (this.#pos + n > this.#data.length) throw new Error('Truncated CBOR');
    const out = this.#data.subarray(this.#pos, this.#pos + n);
    this.#pos += n;
    return out;
  }

  /** The argument of a head byte (RFC 8949 §3): inline below 24, else the next 1, 2, 4 or 8 bytes. */
  #length(info: number): number {
    if (info < 24) return info;
    const size = { 24: 1, 25: 2, 26: 4, 27: 8 }[info];
    if (size === undefined) throw new Error('Indefinite-length CBOR in Pagefind metadata');
    let n = 0;
    for (let i = 0; i < size; i++) n = n * 256 + this.#byte();
    return n;
  }
}
