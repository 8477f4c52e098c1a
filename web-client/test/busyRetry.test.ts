import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, BUSY_RETRIES, getJson } from '../src/api';

function busy(retryAfter: string | null): Response {
  const headers: Record<string, string> = { 'Content-Type': 'application/problem+json' };
  if (retryAfter !== null) headers['Retry-After'] = retryAfter;
  return new Response(JSON.stringify({ type: 'urn:pledgepad:problem:history-busy', title: 'Too many history requests' }), { status: 503, headers });
}
const ok = () => new Response(JSON.stringify({ versions: [] }), { status: 200, headers: { 'Content-Type': 'application/json' } });

describe('GET when the server is busy for a moment (503 or 429 with Retry-After)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('waits as told and asks again', async () => {
    vi.useFakeTimers();
    const fetchMock = vi.fn().mockResolvedValueOnce(busy('2')).mockResolvedValueOnce(ok());
    vi.stubGlobal('fetch', fetchMock);
    const answer = getJson('/api/documents/d/history');
    await vi.advanceTimersByTimeAsync(1_999);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(answer).resolves.toEqual({ versions: [] });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it(`gives up after ${BUSY_RETRIES} retries with the server's error`, async () => {
    const fetchMock = vi.fn(async () => busy('0'));
    vi.stubGlobal('fetch', fetchMock);
    const error = await getJson('/api/documents/d/diff?from=0&to=1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(503);
    expect(fetchMock).toHaveBeenCalledTimes(1 + BUSY_RETRIES);
  });

  it('does not retry a 503 without Retry-After, or with a long one', async () => {
    for (const header of [null, '30']) {
      const fetchMock = vi.fn(async () => busy(header));
      vi.stubGlobal('fetch', fetchMock);
      await expect(getJson('/api/documents/d/verify')).rejects.toMatchObject({ status: 503 });
      expect(fetchMock).toHaveBeenCalledTimes(1);
    }
  });

  it('stops waiting when the page goes away', async () => {
    vi.useFakeTimers();
    const fetchMock = vi.fn(async () => busy('2'));
    vi.stubGlobal('fetch', fetchMock);
    const leave = new AbortController();
    const answer = getJson('/api/documents/d/history', leave.signal);
    const settled = answer.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(500);
    leave.abort();
    expect(((await settled) as Error).name).toBe('AbortError');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('waits the same way on a 429 (too many requests of this client) and tells the listener', async () => {
    vi.useFakeTimers();
    const tooMany = () => new Response('{}', { status: 429, headers: { 'Retry-After': '2' } });
    const fetchMock = vi.fn().mockResolvedValueOnce(tooMany()).mockResolvedValueOnce(ok());
    vi.stubGlobal('fetch', fetchMock);
    const told: string[] = [];
    const answer = getJson('/api/pledges/compare?a=x&b=y', undefined, { waiting: (s) => told.push(`waiting ${s}`), over: () => told.push('over') });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(told).toEqual(['waiting 2']);
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(answer).resolves.toEqual({ versions: [] });
    expect(told).toEqual(['waiting 2', 'over']);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('does not wait a minute for a 429 (one export a minute): the page says when', async () => {
    const fetchMock = vi.fn(async () => new Response('{}', { status: 429, headers: { 'Retry-After': '60' } }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(getJson('/api/me/data')).rejects.toMatchObject({ status: 429, retryAfter: 60 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('never repeats other errors', async () => {
    const fetchMock = vi.fn(async () => new Response('{}', { status: 500, headers: { 'Retry-After': '1' } }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(getJson('/api/documents/d/history')).rejects.toMatchObject({ status: 500 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
