import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LocalHub } from '../engine/local/index';
import { en } from '../format/format-strings-en';
import { getMessageReply } from '../format/index';
import { ChatError, ChatErrorCode } from '../model/chat-error';
import type { Message } from '../model/types';
import { selectWindowMessages } from '../selectors/index';
import { createSeededHub } from '../testing/index';
import type { ChatState, ChatStore } from './chat-store-types';
import { createChatStore } from './create-chat-store';

const open: { hub: LocalHub; store: ChatStore }[] = [];

afterEach(async () => {
  for (const { hub, store } of open.splice(0)) {
    store.getState().destroy();
    await hub.close();
  }
  vi.unstubAllGlobals();
});

/** Alice's started store with her conversation with Bob open, and Bob's engine collecting what he gets. */
async function setup() {
  const { hub } = await createSeededHub({ users: 4, groups: 1, messagesPerConversation: 3 });
  const alice = await hub.connect('alice');
  const bob = await hub.connect('bob');
  const received: Message[] = [];
  bob.addAdvancedMsgListener({ onRecvNewMessage: (message) => received.push(message) });
  const store = createChatStore(alice);
  open.push({ hub, store });
  await store.getState().start();
  await store.getState().openConversation('c2c_bob');
  return { alice, bob, store, received };
}

function windowOf(state: ChatState) {
  return selectWindowMessages(state, 'c2c_bob').map((message) => message.msgID);
}

async function expectRejected(run: () => Promise<unknown>, code: string) {
  const error = await run().then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ChatError);
  expect((error as ChatError).code).toBe(code);
}

function file(name: string, type: string) {
  return new File(['not really media'], name, { type });
}

describe('createChatStore, sending', () => {
  it('sends a reply that shows the quoted message to the peer', async () => {
    const { store, received } = await setup();
    const quoted = selectWindowMessages(store.getState(), 'c2c_bob').at(-1) as Message;
    const sent = await store
      .getState()
      .sendText('c2c_bob', 'agreed', { reply: { message: quoted, strings: en, senderName: 'Bobby' } });
    expect(getMessageReply(sent)).toEqual({
      msgID: quoted.msgID,
      senderName: 'Bobby',
      abstract: expect.any(String),
    });
    await vi.waitFor(() => expect(received.map((message) => message.msgID)).toContain(sent.msgID));
    const atBob = received.find((message) => message.msgID === sent.msgID) as Message;
    expect(getMessageReply(atBob)?.msgID).toBe(quoted.msgID);
    expect(atBob.elemList).toEqual([{ type: 'text', text: 'agreed' }]);
  });

  it('refuses a reply to something that is not a message, sending nothing', async () => {
    const { store, received } = await setup();
    const before = windowOf(store.getState());
    await expectRejected(
      () =>
        store.getState().sendText('c2c_bob', 'agreed', { reply: { message: 'm1' as never, strings: en } }),
      ChatErrorCode.InvalidParameter,
    );
    await expectRejected(
      () =>
        store.getState().sendText('c2c_bob', 'agreed', {
          reply: {
            message: selectWindowMessages(store.getState(), 'c2c_bob')[0] as Message,
            strings: null as never,
          },
        }),
      ChatErrorCode.InvalidParameter,
    );
    expect(windowOf(store.getState())).toEqual(before);
    expect(received).toEqual([]);
  });

  it('sends a face the peer receives as that face', async () => {
    const { store, received } = await setup();
    const sent = await store.getState().sendFace('c2c_bob', 3, 'wave');
    expect(windowOf(store.getState())).toContain(sent.msgID);
    await vi.waitFor(() => expect(received.map((message) => message.msgID)).toContain(sent.msgID));
    expect(received.at(-1)?.elemList).toEqual([{ type: 'face', index: 3, data: 'wave' }]);
  });

  it('refuses a face with a negative or fractional index, sending nothing', async () => {
    const { store, received } = await setup();
    const before = windowOf(store.getState());
    await expectRejected(
      () => store.getState().sendFace('c2c_bob', -1, 'wave'),
      ChatErrorCode.InvalidParameter,
    );
    await expectRejected(
      () => store.getState().sendFace('c2c_bob', 1.5, 'wave'),
      ChatErrorCode.InvalidParameter,
    );
    await expectRejected(
      () => store.getState().sendFace('c2c_bob', 1, 7 as never),
      ChatErrorCode.InvalidParameter,
    );
    expect(windowOf(store.getState())).toEqual(before);
    expect(received).toEqual([]);
  });

  it('sends images as images and a TIFF or a PDF as files the peer downloads', async () => {
    const { store } = await setup();
    const results = await store
      .getState()
      .sendFiles('c2c_bob', [
        file('cat.png', 'image/png'),
        file('scan.tiff', 'image/tiff'),
        file('a.pdf', 'application/pdf'),
      ]);
    const kinds = results.map((result) =>
      result.status === 'fulfilled' ? result.value.elemList[0]?.type : result.status,
    );
    expect(kinds).toEqual(['image', 'file', 'file']);
  });

  it('sends a video as a video with its length and a poster frame where the browser can read them', async () => {
    stubVideoDecoding({ duration: 12.4 });
    const { store, received } = await setup();
    const [result] = await store.getState().sendFiles('c2c_bob', [file('clip.mp4', 'video/mp4')]);
    expect(result?.status).toBe('fulfilled');
    const sent = (result as PromiseFulfilledResult<Message>).value;
    expect(sent.elemList[0]).toMatchObject({ type: 'video', videoType: 'mp4', duration: 12 });
    await vi.waitFor(() => expect(received.map((message) => message.msgID)).toContain(sent.msgID));
  });

  it('sends a video the browser cannot decode as a file', async () => {
    const { store } = await setup();
    const [result] = await store.getState().sendFiles('c2c_bob', [file('clip.mp4', 'video/mp4')]);
    expect(result?.status === 'fulfilled' && result.value.elemList[0]?.type).toBe('file');
  });

  it('reports each file as it is created and its upload progress', async () => {
    const { store } = await setup();
    const created: string[] = [];
    const progress: number[] = [];
    const png = file('cat.png', 'image/png');
    const [result] = await store.getState().sendFiles('c2c_bob', [png], {
      onCreated: (which, message) => {
        expect(which).toBe(png);
        created.push(message.msgID);
      },
      onProgress: (which, value) => {
        expect(which).toBe(png);
        progress.push(value);
      },
    });
    expect(result?.status === 'fulfilled' && result.value.msgID).toBe(created[0]);
    expect(progress.at(-1)).toBe(100);
  });

  it('does not send a file taken back before its message was sent', async () => {
    const { store, received } = await setup();
    const before = windowOf(store.getState());
    const [result] = await store
      .getState()
      .sendFiles('c2c_bob', [file('cat.png', 'image/png')], { onCreated: () => false });
    expect(result?.status).toBe('rejected');
    expect((result as PromiseRejectedResult).reason).toMatchObject({ code: ChatErrorCode.SendCancelled });
    expect(windowOf(store.getState())).toEqual(before);
    expect(received).toEqual([]);
  });

  it('refuses unknown or non-function file options, sending nothing', async () => {
    const { store, received } = await setup();
    const png = file('cat.png', 'image/png');
    await expectRejected(
      () => store.getState().sendFiles('c2c_bob', [png], { onProgress: 1 } as never),
      ChatErrorCode.InvalidParameter,
    );
    await expectRejected(
      () => store.getState().sendFiles('c2c_bob', [png], { onDone: () => {} } as never),
      ChatErrorCode.InvalidParameter,
    );
    expect(received).toEqual([]);
  });
});

describe('createChatStore, downloads', () => {
  it('gives the bytes of a file the peer sent', async () => {
    const { store, alice } = await setup();
    const sent = await store
      .getState()
      .sendFiles('c2c_bob', [new File(['report body'], 'r.txt', { type: 'text/plain' })]);
    const message = (sent[0] as PromiseFulfilledResult<Message>).value;
    const [elem] = message.elemList;
    const blob = await store.getState().downloadElem(elem as NonNullable<typeof elem>);
    expect(await blob.text()).toBe('report body');
    expect(alice.userID).toBe('alice');
  });

  it('refuses to download a text element or the snapshot of a file', async () => {
    const { store } = await setup();
    await expectRejected(
      () => store.getState().downloadElem({ type: 'text', text: 'hi' }),
      ChatErrorCode.InvalidParameter,
    );
    const sent = await store.getState().sendFiles('c2c_bob', [file('a.pdf', 'application/pdf')]);
    const [elem] = (sent[0] as PromiseFulfilledResult<Message>).value.elemList;
    await expectRejected(
      () => store.getState().downloadElem(elem as NonNullable<typeof elem>, 'snapshot'),
      ChatErrorCode.InvalidParameter,
    );
    await expectRejected(
      () => store.getState().downloadElem(elem as NonNullable<typeof elem>, 'poster' as never),
      ChatErrorCode.InvalidParameter,
    );
  });
});

/**
 * A browser whose video element decodes any file: metadata with the given length, then a frame the
 * canvas turns into a JPEG. Node has no DOM; this is the part of one that reading a video touches.
 */
function stubVideoDecoding({ duration }: { duration: number }) {
  const video = {
    duration,
    videoWidth: 64,
    videoHeight: 36,
    muted: false,
    preload: '',
    playsInline: false,
    onerror: null as null | (() => void),
    onloadedmetadata: null as null | (() => void),
    onseeked: null as null | (() => void),
    removeAttribute: () => {},
    load: () => {},
    set currentTime(_value: number) {
      queueMicrotask(() => video.onseeked?.());
    },
    set src(_url: string) {
      queueMicrotask(() => video.onloadedmetadata?.());
    },
  };
  const canvas = {
    width: 0,
    height: 0,
    getContext: () => ({ drawImage: () => {} }),
    toBlob: (done: (blob: Blob | null) => void) => done(new Blob(['jpeg'], { type: 'image/jpeg' })),
  };
  vi.stubGlobal('document', { createElement: (tag: string) => (tag === 'video' ? video : canvas) });
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:video');
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
}
