/**
 * A tiny S3-compatible server for tests of backups (A27): path-style URLs (`/bucket/key`), PutObject,
 * GetObject, HeadObject, ListObjectsV2 and DeleteObject, signatures ignored, objects in memory.
 * Bodies sent with `aws-chunked` content encoding (streaming checksums) are decoded. No multipart:
 * the archives of tests are small enough for one PutObject.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoredObject {
  body: Buffer;
  lastModified: Date;
}

export interface FakeS3 {
  endpoint: string;
  /** bucket → key → bytes */
  objects: Map<string, Map<string, StoredObject>>;
  close(): Promise<void>;
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The payload of an aws-chunked body: `<hex size>[;…]\r\n<bytes>\r\n` … `0\r\n<trailers>\r\n\r\n`. */
function decodeChunked(raw: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = raw.indexOf('\r\n', at);
    if (eol < 0) break;
    const size = Number.parseInt(raw.subarray(at, eol).toString('latin1').split(';')[0]!, 16);
    if (!size) break;
    parts.push(raw.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

export async function startFakeS3(): Promise<FakeS3> {
  const objects: FakeS3['objects'] = new Map();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const [, bucket = '', ...rest] = url.pathname.split('/');
      const key = decodeURIComponent(rest.join('/'));
      const store = objects.get(bucket) ?? new Map<string, StoredObject>();
      objects.set(bucket, store);
      const send = (status: number, body = '', type = 'application/xml') => {
        res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
        res.end(body);
      };
      const missing = () =>
        send(404, `<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>not found</Message></Error>`);
      if (req.method === 'PUT' && key) {
        let body: Buffer = Buffer.concat(chunks);
        const encoding = String(req.headers['content-encoding'] ?? '');
        const sha = String(req.headers['x-amz-content-sha256'] ?? '');
        if (encoding.includes('aws-chunked') || sha.startsWith('STREAMING-')) body = decodeChunked(body);
        store.set(key, { body, lastModified: new Date() });
        res.writeHead(200, { etag: '"fake"' });
        res.end();
      } else if (req.method === 'GET' && !key && url.searchParams.get('list-type') === '2') {
        const prefix = url.searchParams.get('prefix') ?? '';
        const items = [...store.entries()]
          .filter(([k]) => k.startsWith(prefix))
          .sort(([a], [b]) => a.localeCompare(b))
          .map(
            ([k, o]) =>
              `<Contents><Key>${xml(k)}</Key><LastModified>${o.lastModified.toISOString()}</LastModified><Size>${o.body.length}</Size><ETag>"fake"</ETag><StorageClass>STANDARD</StorageClass></Contents>`,
          )
          .join('');
        send(
          200,
          `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${xml(bucket)}</Name><Prefix>${xml(prefix)}</Prefix><KeyCount>${store.size}</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>${items}</ListBucketResult>`,
        );
      } else if ((req.method === 'GET' || req.method === 'HEAD') && key) {
        const o = store.get(key);
        if (!o) return missing();
        res.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-length': o.body.length,
          'last-modified': o.lastModified.toUTCString(),
          etag: '"fake"',
        });
        res.end(req.method === 'GET' ? o.body : undefined);
      } else if (req.method === 'DELETE' && key) {
        store.delete(key);
        res.writeHead(204);
        res.end();
      } else send(400, `<?xml version="1.0"?><Error><Code>NotImplemented</Code></Error>`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
