import fs, { type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';

/** Journal segments in the data directory: `cosmos-journal-<generation>.log`. */
const SEGMENT = /^cosmos-journal-(\d+)\.log$/;
const segmentName = (generation: number) => `cosmos-journal-${generation}.log`;

/**
 * One journalled document write: the document as the store answered it (`p`), or a deletion
 * (`d`), in container `c`; `s` orders records across segments and restarts.
 */
export type JournalRecord = {
  readonly s: number;
  readonly c: string;
  readonly p?: Record<string, unknown>;
  readonly d?: { readonly id: string; readonly pk: unknown };
};

/** A record line: CRC-32 of the JSON (8 hex digits), a space, the JSON, a newline. */
function line(json: string): string {
  return `${crc32(json).toString(16).padStart(8, '0')} ${json}\n`;
}

function parseLine(text: string): JournalRecord | undefined {
  const json = text.slice(9);
  if (text[8] !== ' ' || text.slice(0, 8) !== crc32(json).toString(16).padStart(8, '0'))
    return undefined;
  try {
    const record = JSON.parse(json) as JournalRecord;
    return typeof record.s === 'number' && typeof record.c === 'string' ? record : undefined;
  } catch {
    return undefined;
  }
}

async function segments(dataDir: string): Promise<{ generation: number; file: string }[]> {
  const names = await fs.readdir(dataDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  return names
    .map((name) => ({ m: SEGMENT.exec(name), name }))
    .filter((x): x is { m: RegExpExecArray; name: string } => x.m !== null)
    .map((x) => ({ generation: Number(x.m[1]), file: path.join(dataDir, x.name) }))
    .sort((a, b) => a.generation - b.generation);
}

/** What the journal holds: records in order, the highest sequence seen, torn records skipped. */
export type JournalContents = { records: JournalRecord[]; lastSeq: number; ignored: number };

/**
 * Reads every segment in order. A segment is read up to its first bad record (a crash in the middle
 * of an append leaves a torn last line; that write was never acknowledged) and the rest of it is
 * ignored and counted.
 */
export async function readJournal(dataDir: string): Promise<JournalContents> {
  const records: JournalRecord[] = [];
  let lastSeq = 0;
  let ignored = 0;
  for (const { file } of await segments(dataDir)) {
    const lines = (await fs.readFile(file, 'utf8')).split('\n');
    // The piece after the last newline is empty, or a torn record.
    const tail = lines.pop() ?? '';
    let bad = tail === '' ? 0 : 1;
    for (let i = 0; i < lines.length; i += 1) {
      const record = parseLine(lines[i]);
      if (!record) {
        bad += lines.length - i;
        break;
      }
      records.push(record);
      lastSeq = Math.max(lastSeq, record.s);
    }
    ignored += bad;
  }
  return { records, lastSeq, ignored };
}

type Waiter = { resolve: () => void; reject: (error: unknown) => void };

/**
 * An append-only journal with group commit: records appended while a write and fdatasync are in
 * progress are written together by the next one, and each `append` resolves once its records are on
 * disk. `rotate` starts a new segment, so a snapshot can fold the old ones and delete them.
 */
export class Journal {
  private handle: FileHandle | undefined;
  private generation: number;
  private nextSeq: number;
  /** Highest sequence handed to a write (in order: commits take records first in, first out). */
  private writtenSeq: number;
  private pending: string[] = [];
  private waiters: Waiter[] = [];
  private scheduled = false;
  private wroteToSegment = false;
  private io: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly dataDir: string,
    generation: number,
    lastSeq: number,
  ) {
    this.generation = generation;
    this.nextSeq = lastSeq + 1;
    this.writtenSeq = lastSeq;
  }

  /** Opens a new segment after the existing ones; sequences continue after `lastSeq`. */
  static async open(dataDir: string, lastSeq: number): Promise<Journal> {
    await fs.mkdir(dataDir, { recursive: true });
    const existing = await segments(dataDir);
    const journal = new Journal(dataDir, (existing.at(-1)?.generation ?? 0) + 1, lastSeq);
    await journal.openSegment();
    return journal;
  }

  /**
   * Appends records (JSON object members without braces, e.g. `"c":"teams","p":{…}`) and resolves
   * once they are durable. Sequence numbers are assigned here, in call order.
   */
  append(members: readonly string[]): Promise<void> {
    for (const m of members) this.pending.push(line(`{"s":${this.nextSeq++},${m}}`));
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    if (!this.scheduled) {
      this.scheduled = true;
      this.io = this.io.then(() => this.commit());
    }
    return done;
  }

  /**
   * Starts a new segment once everything appended so far is written. Resolves with the highest
   * sequence in the older segments and their files (every one of those writes is already applied
   * to the store, so a snapshot taken afterwards contains it).
   */
  rotate(): Promise<{ lastSeq: number; files: string[] }> {
    const rotated = this.io.then(async () => {
      await this.handle?.close();
      this.handle = undefined;
      this.generation += 1;
      await this.openSegment();
      const files = (await segments(this.dataDir))
        .filter((s) => s.generation < this.generation)
        .map((s) => s.file);
      return { lastSeq: this.writtenSeq, files };
    });
    this.io = rotated.catch(() => undefined);
    return rotated;
  }

  /** Waits for pending writes and closes the segment (removed if nothing was written to it). */
  async close(): Promise<void> {
    await this.io;
    await this.handle?.close();
    this.handle = undefined;
    if (!this.wroteToSegment) await fs.rm(this.segmentFile(), { force: true });
  }

  private segmentFile(): string {
    return path.join(this.dataDir, segmentName(this.generation));
  }

  private async openSegment(): Promise<void> {
    // 'wx': a segment is only ever appended to by the process that created it.
    this.handle = await fs.open(this.segmentFile(), 'wx');
    this.wroteToSegment = false;
  }

  private async commit(): Promise<void> {
    this.scheduled = false;
    const lines = this.pending;
    const waiters = this.waiters;
    this.pending = [];
    this.waiters = [];
    this.writtenSeq = this.nextSeq - 1;
    try {
      // After a failed write the segment may end in a torn record: continue in a new one.
      if (!this.handle) {
        this.generation += 1;
        await this.openSegment();
      }
      const handle = this.handle as FileHandle;
      this.wroteToSegment = true;
      await handle.write(lines.join(''));
      await handle.datasync();
      for (const w of waiters) w.resolve();
    } catch (error) {
      await this.handle?.close().catch(() => undefined);
      this.handle = undefined;
      for (const w of waiters) w.reject(error);
    }
  }
}
