import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, test } from 'vitest';
import { ChatErrorCode } from '../../model/chat-error';
import type { Message } from '../../model/types';
import type { LocalEngine } from './local-engine';
import type { LocalHub } from './local-hub';
import { UPLOAD_IDLE_MS } from './local-hub-media';
import { createTestHub, type TestClock, waitFor } from './local-test-helpers';

/**
 * File bytes are let go when nothing can use them any more: a message created and dropped, a send cancelled
 * and then deleted, a partial upload the network cut off. Checked with weak references and a forced
 * garbage collection (V8's `gc`, enabled for this file).
 */

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Whether everything `refs` points to was collected (after letting pending jobs finish). */
async function collected(refs: readonly WeakRef<object>[]): Promise<boolean> {
  for (let round = 0; round < 5; round++) {
    // WeakRef targets stay alive until the current job ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    if (refs.every((ref) => ref.deref() === undefined)) return true;
  }
  return false;
}

let hub: LocalHub | undefined;
let clock: TestClock;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

const MB = 1024 * 1024;

async function setup(): Promise<LocalEngine> {
  ({ hub, clock } = await createTestHub());
  return hub.connect('alice');
}

/** Creates a file message of `size` bytes; only a weak reference to the bytes is kept. */
async function fileMessage(
  engine: LocalEngine,
  size: number,
): Promise<{ message: Message; bytes: WeakRef<Blob> }> {
  const blob = new Blob([new Uint8Array(size)], { type: 'application/octet-stream' });
  const message = await engine.createFileMessage(blob, 'big.bin');
  return { message, bytes: new WeakRef(blob) };
}

describe('memory of file messages on a local engine', () => {
  test('a 16 MB file message created and never sent is collectable once the app drops it', async () => {
    const engine = await setup();
    // The app creates the message and lets it go (no variable of this test keeps it).
    const bytes = await fileMessage(engine, 16 * MB).then((created) => created.bytes);
    expect(await collected([bytes])).toBe(true);
  });

  test('a created message keeps its bytes while the app holds it, and sends them', async () => {
    const engine = await setup();
    const { message, bytes } = await fileMessage(engine, 256 * 1024);
    expect(await collected([bytes])).toBe(false);
    const sent = await engine.sendMessage(message, { receiver: 'bob' });
    const blob = await engine.downloadElem(sent.elemList[0] as never);
    expect((blob as Blob).size).toBe(256 * 1024);
  });

  test('a send cancelled mid-upload and then deleted lets its bytes go', async () => {
    const engine = await setup();
    let bytes: WeakRef<Blob>;
    let msgID: string;
    {
      const created = await fileMessage(engine, 2 * MB);
      bytes = created.bytes;
      msgID = created.message.msgID;
      engine.setNetworkConditions({ latencyMs: 2 });
      const progress: number[] = [];
      const handle = engine.sendMessage(created.message, {
        receiver: 'bob',
        onProgress: (value) => progress.push(value),
      });
      await waitFor(() => progress.some((value) => value > 0));
      await engine.cancelSendingMessage(msgID);
      await expect(handle).rejects.toMatchObject({ code: ChatErrorCode.SendCancelled });
    }
    // Cancelled, the message stays as failed (it can be resent): its bytes are still needed.
    expect(await collected([bytes])).toBe(false);
    await engine.deleteMessages([msgID]);
    expect(await collected([bytes])).toBe(true);
  });

  test('the hub lets go of a partial upload the network cut off', async () => {
    const engine = await setup();
    const chunks: WeakRef<ArrayBuffer>[] = [];
    const read = Blob.prototype.arrayBuffer;
    // Every chunk the engine reads goes to the hub as is (in-process): watch them all.
    Blob.prototype.arrayBuffer = async function arrayBuffer(this: Blob) {
      const data = await read.call(this);
      chunks.push(new WeakRef(data));
      return data;
    };
    try {
      const { message } = await fileMessage(engine, MB);
      engine.setNetworkConditions({ latencyMs: 1 });
      const progress: number[] = [];
      const handle = engine.sendMessage(message, {
        receiver: 'bob',
        onProgress: (value) => progress.push(value),
      });
      await waitFor(() => progress.some((value) => value >= 20));
      engine.setNetworkConditions({ online: false });
      await expect(handle).rejects.toMatchObject({ code: ChatErrorCode.NetworkError });
    } finally {
      Blob.prototype.arrayBuffer = read;
    }
    expect(chunks.length).toBeGreaterThan(0);
    // The uploader never comes back to finish or abort it; after the idle time the hub drops it.
    clock.advance(UPLOAD_IDLE_MS + 1);
    // Any engine signing in (here bob) is hub activity that sweeps idle uploads.
    await (hub as LocalHub).connect('bob');
    expect(await collected(chunks)).toBe(true);
  });
});
