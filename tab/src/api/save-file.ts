/**
 * Saves a file the tab holds as a download: an API answer (the API needs the Teams token, which a
 * plain link cannot send) or something the page built.
 */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
