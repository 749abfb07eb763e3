/** An export file as the import API takes it: its name and its bytes in base64. */
export interface UploadFile {
  readonly name: string;
  readonly data: string;
  readonly size: number;
}

/** The file's bytes in base64, read by the browser (a data URL without its `data:…;base64,`). */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

/**
 * Reads the chosen or dropped files for the upload, in the order given. The server checks what
 * they hold (zip limits, encodings, another tool's files) and says what to fix, so any file is
 * sent; one the browser cannot read rejects with its name.
 */
export async function readFiles(files: readonly File[]): Promise<UploadFile[]> {
  return Promise.all(
    files.map(async (file) => {
      try {
        return { name: file.name, data: await base64Of(file), size: file.size };
      } catch {
        throw new UnreadableFile(file.name);
      }
    }),
  );
}

/** A file the browser could not read (moved, deleted or locked since it was chosen). */
export class UnreadableFile extends Error {
  override readonly name = 'UnreadableFile';
  constructor(readonly fileName: string) {
    super(`cannot read ${fileName}`);
  }
}
