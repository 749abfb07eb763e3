import yauzl from 'yauzl';

/** Why a zip was refused: a clear message for the preview. */
export class ZipRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipRefused';
  }
}

export interface ZipLimits {
  /** Entries (files and folders) the archive may hold. */
  readonly maxEntries: number;
  /** Bytes of all entries together once uncompressed. */
  readonly maxBytes: number;
}

export const isZip = (data: Buffer) => data.length >= 4 && data.readUInt32LE(0) === 0x04034b50;

/**
 * The files of a zip held in memory, refusing archives over the limits before inflating anything:
 * the central directory's entry count and declared sizes are checked first, and yauzl stops an
 * entry that inflates past its declared size (a zip bomb lying about its sizes).
 */
export async function readZip(
  data: Buffer,
  limits: ZipLimits,
  wanted: (name: string) => boolean = () => true,
): Promise<{ name: string; data: Buffer }[]> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(data, { lazyEntries: true, validateEntrySizes: true }, (error, z) =>
      error || !z ? reject(new ZipRefused('The zip file is damaged or not a zip.')) : resolve(z),
    ),
  );
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new ZipRefused(
      `The zip holds ${zip.entryCount} entries; an export has at most ${limits.maxEntries}.`,
    );
  }
  const out: { name: string; data: Buffer }[] = [];
  let declared = 0;
  return new Promise((resolve, reject) => {
    const fail = (error: unknown) => {
      zip.close();
      reject(
        error instanceof ZipRefused
          ? error
          : new ZipRefused('The zip file is damaged: an entry could not be read.'),
      );
    };
    zip.on('error', fail);
    zip.on('end', () => resolve(out));
    zip.on('entry', (entry: yauzl.Entry) => {
      declared += entry.uncompressedSize;
      if (declared > limits.maxBytes)
        return fail(
          new ZipRefused(
            `The zip would uncompress to more than ${Math.round(limits.maxBytes / 1024 / 1024)} MB; an export is far smaller. Nothing was read.`,
          ),
        );
      if (entry.fileName.endsWith('/') || !wanted(entry.fileName)) return zip.readEntry();
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return fail(error);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('error', fail);
        stream.on('end', () => {
          out.push({ name: entry.fileName, data: Buffer.concat(chunks) });
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
}
