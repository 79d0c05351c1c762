import TencentCloudChat, { type ChatSDK } from '@tencentcloud/chat';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChatError, ChatErrorCode } from '../../model/chat-error';
import { ConversationMarkType } from '../../model/types';
import { TencentChatEvent, TencentChatTypes } from './tencent-chat-like';
import { createTencentEngine } from './tencent-engine';

/**
 * The adapter against the real `@tencentcloud/chat` runtime, as far as it runs without a server: `create()`
 * opens a WebSocket at once (node 20 has none, so a stub records the URL and never connects), and the SDK
 * stays not ready, since login needs Tencent's servers. Server behaviour is the fake's job.
 */

/** A WebSocket that never connects, recording where the SDK tried to go. */
class SilentWebSocket {
  static readonly urls: string[] = [];
  readonly readyState = 0;
  onopen: unknown = null;
  onclose: unknown = null;
  onerror: unknown = null;
  onmessage: unknown = null;
  constructor(url: string) {
    SilentWebSocket.urls.push(url);
  }
  send(): void {}
  close(): void {}
  addEventListener(): void {}
  removeEventListener(): void {}
}

const SDK_APP_ID = 1_400_000_123;
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

let chat: ChatSDK;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
let warn: ReturnType<typeof vi.spyOn>;
let error: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  vi.stubGlobal('WebSocket', SilentWebSocket);
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
  chat = TencentCloudChat.create({ SDKAppID: SDK_APP_ID });
  // Quiet the SDK's info logs; warnings (its "Oops!" on a call before ready) and errors stay on.
  chat.setLogLevel(2);
  warn = vi.spyOn(console, 'warn');
  error = vi.spyOn(console, 'error');
});

afterEach(async () => {
  process.off('unhandledRejection', onUnhandled);
  warn.mockRestore();
  error.mockRestore();
  // destroy() logs out (rejecting 2024 when never logged in) and frees the per-SDKAppID singleton.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  await chat.destroy().catch(() => undefined);
  await settle();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('Tencent engine over the real @tencentcloud/chat runtime', () => {
  it('accepts a fresh instance, which connects over wss: only and is not ready before login', () => {
    expect(chat.isReady()).toBe(false);
    const engine = createTencentEngine(chat, { userID: 'alice' });
    expect(engine.connectionState).toBe('connecting');
    expect(SilentWebSocket.urls.length).toBeGreaterThan(0);
    for (const url of SilentWebSocket.urls) expect(url).toMatch(/^wss:\/\//);
  });

  it('before the SDK is ready: real times, own typed errors, no unhandled rejection, no SDK warning', async () => {
    const engine = createTencentEngine(chat, { userID: 'alice' });
    const before = Date.now();
    expect(engine.getServerTime()).toBeGreaterThanOrEqual(before);
    const text = await engine.createTextMessage('hello');
    expect(text.timestamp).toBeGreaterThanOrEqual(before);
    await engine.createCustomMessage('{"kind":"card"}', 'card');
    await engine.createFileMessage(new Blob(['x'], { type: 'text/plain' }), 'notes.txt');
    const sent = engine.sendMessage(text, { receiver: 'bob' });
    expect(sent.message.status).toBe('sending');
    await expect(sent.promise).rejects.toMatchObject({
      code: ChatErrorCode.NotLoggedIn,
      details: { reason: 'sdkNotReady' },
    });
    await expect(engine.findMessages(['some-id'])).rejects.toBeInstanceOf(ChatError);
    const listing = engine.getConversationList(0, 20);
    await settle();
    await engine.logout();
    await expect(listing).rejects.toMatchObject({ code: ChatErrorCode.NotLoggedIn });
    await settle();
    expect(unhandled).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });

  it('the SDK itself answers a call before ready with a rejected promise and a warning (why the gate exists)', async () => {
    const time = chat.getServerTime() as unknown;
    expect(time).toBeInstanceOf(Promise);
    await expect(time).rejects.toMatchObject({ code: 2024 });
    expect(warn.mock.calls.flat().join(' ')).toContain('Oops! code:2024');
  });

  it('rejects bad options with INVALID_PARAMETER, given the real instance', () => {
    expect(() => createTencentEngine(chat, { userID: '' })).toThrow(
      expect.objectContaining({ code: ChatErrorCode.InvalidParameter }),
    );
    expect(() =>
      createTencentEngine(chat, {
        userID: 'alice',
        partialUpdatedConversations: 'yes' as unknown as boolean,
      }),
    ).toThrow(expect.objectContaining({ code: ChatErrorCode.InvalidParameter }));
    expect(() => createTencentEngine({} as ChatSDK, { userID: 'alice' })).toThrow(
      expect.objectContaining({ code: ChatErrorCode.InvalidParameter }),
    );
  });

  it("listens to the SDK's own event names and passes its own TYPES values", () => {
    const events = TencentCloudChat.EVENT as unknown as Record<string, string>;
    for (const [key, value] of Object.entries(TencentChatEvent)) expect(events[key], key).toBe(value);
    const types = TencentCloudChat.TYPES as unknown as Record<string, string | number>;
    for (const [key, value] of Object.entries(TencentChatTypes)) expect(types[key], key).toBe(value);
  });

  it('pins the mark bits at run time: fold 4 and hide 8 (the .d.ts says 3 and 4)', () => {
    const types = TencentCloudChat.TYPES as unknown as Record<string, number>;
    expect(types.CONV_MARK_TYPE_STAR).toBe(ConversationMarkType.star);
    expect(types.CONV_MARK_TYPE_UNREAD).toBe(ConversationMarkType.unread);
    expect(types.CONV_MARK_TYPE_FOLD).toBe(ConversationMarkType.fold);
    expect(types.CONV_MARK_TYPE_HIDE).toBe(ConversationMarkType.hide);
    expect([types.CONV_MARK_TYPE_FOLD, types.CONV_MARK_TYPE_HIDE]).toEqual([4, 8]);
  });

  it('has every SDK method the adapter calls', () => {
    const names = [
      'getConversationList',
      'getConversationProfile',
      'deleteConversation',
      'pinConversation',
      'setConversationDraft',
      'markConversation',
      'setConversationCustomData',
      'getConversationGroupList',
      'createConversationGroup',
      'deleteConversationGroup',
      'renameConversationGroup',
      'addConversationsToGroup',
      'deleteConversationsFromGroup',
      'setMessageRead',
      'setAllMessageRead',
      'setMessageRemindType',
      'createTextMessage',
      'createTextAtMessage',
      'createCustomMessage',
      'createImageMessage',
      'createVideoMessage',
      'createFileMessage',
      'createLocationMessage',
      'createFaceMessage',
      'createMergerMessage',
      'createForwardMessage',
      'sendMessage',
      'resendMessage',
      'revokeMessage',
      'deleteMessage',
      'clearHistoryMessage',
      'getMessageList',
      'getMessageListHopping',
      'findMessage',
      'downloadMergerMessage',
      'searchCloudMessages',
      'getUserProfile',
      'getGroupProfile',
      'getGroupList',
      'getGroupMemberList',
      'createGroup',
      'getServerTime',
      'isReady',
      'logout',
      'on',
      'off',
    ];
    const sdk = chat as unknown as Record<string, unknown>;
    expect(names.filter((name) => typeof sdk[name] !== 'function')).toEqual([]);
  });
});
