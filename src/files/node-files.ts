/** FileAccess over node:fs: streamed reads, buffered writes that respect backpressure. */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { once } from 'node:events';
import type { FileAccess, TextSink } from '../app/ports.ts';
import { NorthboundError } from '../domain/errors.ts';

const unreadable = (path: string, error: unknown) =>
  new NorthboundError(
    'invalid_input',
    `Cannot read ${path}: ${(error as Error).message}`,
    { path },
    { cause: error },
  );

export const nodeFiles: FileAccess = {
  async *read(path) {
    try {
      for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) yield chunk as Uint8Array;
    } catch (error) {
      throw unreadable(path, error);
    }
  },

  async size(path) {
    try {
      return (await stat(path)).size;
    } catch (error) {
      throw unreadable(path, error);
    }
  },

  async makeDirectory(path) {
    await mkdir(path, { recursive: true });
  },

  async writeText(path): Promise<TextSink> {
    const stream = createWriteStream(path, { encoding: 'utf8' });
    await once(stream, 'open');
    return {
      async write(text) {
        if (!stream.write(text)) await once(stream, 'drain');
      },
      async close() {
        stream.end();
        await once(stream, 'finish');
      },
    };
  },
};
