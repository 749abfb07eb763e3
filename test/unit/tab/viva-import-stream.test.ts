/** @jest-environment node */
import type { VivaImportReport } from '@bearing/core';
import { createApiClient } from '../../../tab/src/api/client';

// The tab reads an apply's progress stream as the server writes it, in whatever chunks arrive.
const report = { dryRun: false, counts: { written: 3 } } as unknown as VivaImportReport;

function streamed(chunks: string[], type = 'application/x-ndjson', status = 200): typeof fetch {
  return async (_input, init) => {
    expect((init?.headers as Record<string, string>).Accept).toBe('application/x-ndjson');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const c of chunks) controller.enqueue(new TextEncoder().encode(c));
        controller.close();
      },
    });
    return new Response(body, { status, headers: { 'Content-Type': type } });
  };
}

const apply = (fetcher: typeof globalThis.fetch, seen: [number, number][]) =>
  createApiClient({ fetch: fetcher }).applyVivaImport(
    { files: [{ name: 'a.zip', data: 'UEs=' }] },
    (d, t) => seen.push([d, t]),
  );

describe('the Viva Goals apply stream', () => {
  it('reports each progress line, split anywhere, and resolves to the report', async () => {
    const text = [
      JSON.stringify({ progress: { done: 25, total: 60 } }),
      JSON.stringify({ progress: { done: 60, total: 60 } }),
      JSON.stringify({ report }),
    ].join('\n');
    const chunks = [text.slice(0, 7), text.slice(7, 40), text.slice(40, 41), text.slice(41)];
    const seen: [number, number][] = [];
    await expect(apply(streamed(chunks), seen)).resolves.toEqual(report);
    expect(seen).toEqual([
      [25, 60],
      [60, 60],
    ]);
  });

  it('rejects with the server’s reason when the apply stopped half-way', async () => {
    const lines = `${JSON.stringify({ progress: { done: 25, total: 60 } })}\n${JSON.stringify({
      error: { code: 'IMPORT.INTERRUPTED', message: 'apply again' },
    })}\n`;
    await expect(apply(streamed([lines]), [])).rejects.toMatchObject({
      code: 'IMPORT.INTERRUPTED',
      message: 'apply again',
    });
  });

  it('rejects when the stream ends without a report (the connection dropped)', async () => {
    const cut = `${JSON.stringify({ progress: { done: 25, total: 60 } })}\n{"progr`;
    await expect(apply(streamed([cut]), [])).rejects.toBeTruthy();
    const ended = `${JSON.stringify({ progress: { done: 25, total: 60 } })}\n`;
    await expect(apply(streamed([ended]), [])).rejects.toMatchObject({ code: 'CLIENT.NETWORK' });
  });

  it('reads a plain JSON answer (a server that does not stream) as the report', async () => {
    const seen: [number, number][] = [];
    const plain = streamed([JSON.stringify(report)], 'application/json');
    await expect(apply(plain, seen)).resolves.toEqual(report);
    expect(seen).toEqual([]);
  });

  it('rejects a 4xx with its JSON error, as every call does', async () => {
    const body = JSON.stringify({ error: { code: 'VALIDATION.FAILED', message: 'fix the zip' } });
    await expect(apply(streamed([body], 'application/json', 400), [])).rejects.toMatchObject({
      status: 400,
      message: 'fix the zip',
    });
  });
});
