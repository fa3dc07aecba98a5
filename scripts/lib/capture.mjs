/** A writable stream that keeps what is written to it: stdout and stderr of an in-process `main`. */
import { Writable } from 'node:stream';

export function capture() {
  const chunks = [];
  const stream = new Writable({
    write(chunk, encoding, done) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}
