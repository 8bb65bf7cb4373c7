import type { Adapter } from 'lowdb';
import { TextFile } from 'lowdb/node';

/**
 * lowdb's JSONFile (same format, written through a temporary file), telling `onSize` how many bytes of JSON it
 * read or is writing: about what the parsed file takes in memory, since documents are base64 text in it.
 */
export class MeasuredJsonFile<T> implements Adapter<T> {
  readonly #file: TextFile;

  constructor(
    path: string,
    private readonly onSize: (bytes: number) => void,
  ) {
    this.#file = new TextFile(path);
  }

  async read(): Promise<T | null> {
    const text = await this.#file.read();
    if (text === null) return null;
    this.onSize(Buffer.byteLength(text));
    return JSON.parse(text) as T;
  }

  write(data: T): Promise<void> {
    const text = JSON.stringify(data, null, 2);
    this.onSize(Buffer.byteLength(text));
    return this.#file.write(text);
  }
}
