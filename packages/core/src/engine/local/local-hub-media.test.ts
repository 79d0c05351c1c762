import { afterEach, describe, expect, test } from 'vitest';
import { ChatErrorCode } from '../../model/chat-error';
import type { Message } from '../../model/types';
import type { LocalHub } from './local-hub';
import { createTestHub, expectCode, record } from './local-test-helpers';

let hub: LocalHub;
afterEach(async () => {
  await hub?.close();
});

async function setup(options: Parameters<typeof createTestHub>[0] = {}) {
  ({ hub } = await createTestHub(options));
  return { alice: await hub.connect('alice'), bob: await hub.connect('bob') };
}

function bytes(size: number, type = 'application/octet-stream'): Blob {
  const data = new Uint8Array(size);
  for (let i = 0; i < size; i++) data[i] = i % 251;
  return new Blob([data], { type });
}

async function contents(blob: Blob): Promise<number[]> {
  return [...new Uint8Array(await blob.arrayBuffer())];
}

describe('rich media', () => {
  test('an image uploads in chunks with progress 0–100, then the peer downloads the same bytes', async () => {
    const { alice, bob } = await setup({ uploadChunkBytes: 1024 });
    const file = bytes(4000, 'image/png');
    const image = await alice.createImageMessage(file, { width: 640, height: 480 });
    expect(image.elemList[0]).toMatchObject({
      type: 'image',
      fileSize: 4000,
      mimeType: 'image/png',
      width: 640,
      height: 480,
    });
    const progress: number[] = [];
    const events = record(alice);
    const sent = await alice.sendMessage(image, {
      receiver: 'bob',
      onProgress: (value) => progress.push(value),
    });
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(100);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.length).toBeGreaterThanOrEqual(5);
    expect(events.named('onSendProgress').map(([, value]) => value)).toEqual(progress);
    expect(events.named('onSendProgress').every(([msgID]) => msgID === image.msgID)).toBe(true);
    const [received] = await bob.findMessages([sent.msgID]);
    const downloaded = await bob.downloadElem((received as Message).elemList[0]!);
    expect(downloaded.type).toBe('image/png');
    expect(await contents(downloaded)).toEqual(await contents(file));
  });

  test('in Node (no createImageBitmap) an image without given size is 0×0', async () => {
    const { alice } = await setup();
    const image = await alice.createImageMessage(bytes(10, 'image/png'));
    expect(image.elemList[0]).toMatchObject({ width: 0, height: 0 });
  });

  test('sound, video (with snapshot) and file messages upload and download', async () => {
    const { alice, bob } = await setup();
    const sound = await alice.sendMessage(await alice.createSoundMessage(bytes(300, 'audio/ogg'), 7), {
      receiver: 'bob',
    });
    const snapshot = bytes(50, 'image/jpeg');
    const video = await alice.sendMessage(
      await alice.createVideoMessage(bytes(900, 'video/mp4'), 'mp4', 12, snapshot),
      {
        receiver: 'bob',
      },
    );
    const file = await alice.sendMessage(
      await alice.createFileMessage(bytes(120, 'application/pdf'), 'report.pdf'),
      {
        receiver: 'bob',
      },
    );
    expect(sound.elemList[0]).toMatchObject({ type: 'sound', duration: 7, fileSize: 300 });
    expect(video.elemList[0]).toMatchObject({ type: 'video', videoType: 'mp4', duration: 12, fileSize: 900 });
    expect(file.elemList[0]).toMatchObject({ type: 'file', fileName: 'report.pdf', fileSize: 120 });
    const [atBob] = await bob.findMessages([video.msgID]);
    const videoElem = (atBob as Message).elemList[0]!;
    expect((await bob.downloadElem(videoElem)).size).toBe(900);
    expect(await contents(await bob.downloadElem(videoElem, 'snapshot'))).toEqual(await contents(snapshot));
    expect((await bob.downloadElem(sound.elemList[0]!)).size).toBe(300);
    expect((await bob.downloadElem(file.elemList[0]!)).type).toBe('application/pdf');
  });

  test('cancelSendingMessage during upload rejects the send with SEND_CANCELLED and leaves it failed', async () => {
    const { alice, bob } = await setup({ uploadChunkBytes: 100 });
    const file = await alice.createFileMessage(bytes(2000), 'big.bin');
    let cancelled: Promise<void> | null = null;
    const handle = alice.sendMessage(file, {
      receiver: 'bob',
      onProgress: (value) => {
        if (value >= 30 && !cancelled) cancelled = alice.cancelSendingMessage(file.msgID);
      },
    });
    await expectCode(handle.promise, ChatErrorCode.SendCancelled);
    await cancelled;
    expect((await alice.findMessages([file.msgID]))[0]?.status).toBe('failed');
    expect(await bob.findMessages([file.msgID])).toEqual([]);
    expect((await alice.getConversation('c2c_bob')).lastMessage).toMatchObject({
      msgID: file.msgID,
      status: 'failed',
    });
    const resent = await alice.resendMessage(file.msgID);
    expect(resent.status).toBe('sent');
    expect((await bob.findMessages([file.msgID]))[0]?.status).toBe('sent');
  });

  test('cancelling a message that is not uploading is INVALID_STATE, an unknown one MESSAGE_NOT_FOUND', async () => {
    const { alice } = await setup();
    const sent = await alice.sendMessage(await alice.createTextMessage('done'), { receiver: 'bob' });
    await expectCode(alice.cancelSendingMessage(sent.msgID), ChatErrorCode.InvalidState);
    await expectCode(alice.cancelSendingMessage('nope'), ChatErrorCode.MessageNotFound);
  });

  test('files over the size limit are MESSAGE_TOO_LARGE before anything is uploaded (images have their own limit)', async () => {
    const { alice } = await setup({ maxFileBytes: 1000, maxImageBytes: 500 });
    const file = await alice.createFileMessage(bytes(1001), 'too-big.bin');
    const events = record(alice);
    await expectCode(alice.sendMessage(file, { receiver: 'bob' }), ChatErrorCode.MessageTooLarge);
    expect(events.named('onSendProgress')).toEqual([]);
    expect(await alice.findMessages([file.msgID])).toEqual([]);
    const image = await alice.createImageMessage(bytes(501, 'image/png'), { width: 1, height: 1 });
    await expectCode(alice.sendMessage(image, { receiver: 'bob' }), ChatErrorCode.MessageTooLarge);
    const fits = await alice.createImageMessage(bytes(500, 'image/png'), { width: 1, height: 1 });
    await expect(alice.sendMessage(fits, { receiver: 'bob' })).resolves.toMatchObject({ status: 'sent' });
  });

  test('downloading a non-media element is INVALID_PARAMETER; unknown media is MESSAGE_NOT_FOUND', async () => {
    const { alice } = await setup();
    await expectCode(alice.downloadElem({ type: 'text', text: 'x' }), ChatErrorCode.InvalidParameter);
    await expectCode(
      alice.downloadElem({
        type: 'file',
        uuid: 'missing',
        url: '',
        fileSize: 1,
        mimeType: '',
        fileName: 'x',
      }),
      ChatErrorCode.MessageNotFound,
    );
  });

  test('the sender can download media while it is still only on this device', async () => {
    const { alice } = await setup();
    const file = bytes(64);
    const message = await alice.createFileMessage(file, 'local.bin');
    expect(await contents(await alice.downloadElem(message.elemList[0]!))).toEqual(await contents(file));
  });
});
