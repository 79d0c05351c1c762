import { describe, expect, it } from 'vitest';
import { ChatErrorCode } from '../../model/chat-error';
import { TencentChatEvent as Event } from './tencent-chat-like';
import { setupTencent } from './tencent-engine-test-kit';

/** Lets pending promise callbacks and timers of this turn run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Tencent engine before the SDK is ready', () => {
  it('keeps a real clock and creates messages without calling the SDK', async () => {
    const { chat, engine } = setupTencent();
    chat.ready = false;
    const before = Date.now();
    expect(engine.getServerTime()).toBeGreaterThanOrEqual(before);
    const message = await engine.createTextMessage('hello');
    expect(Number.isFinite(message.timestamp)).toBe(true);
    expect(message.timestamp).toBeGreaterThanOrEqual(before);
    expect(chat.notReadyCalls).toEqual([]);
  });

  it('waits for SDK_READY before listing conversations, then lists them', async () => {
    const { chat, engine } = setupTencent();
    chat.ready = false;
    let settled = false;
    const page = engine.getConversationList(0, 20).finally(() => {
      settled = true;
    });
    await settle();
    expect(settled).toBe(false);
    expect(chat.notReadyCalls).toEqual([]);
    chat.ready = true;
    chat.seed('C2Cbob', 'bob', 'synced while logging in');
    chat.addConversation({
      conversationID: 'C2Cbob',
      lastMessage: { lastTime: 1_700_000_000, lastSequence: 1, messageForShow: 'synced while logging in' },
    });
    chat.emit(Event.SDK_READY);
    const { conversationList } = await page;
    expect(conversationList.map((conversation) => conversation.conversationID)).toEqual(['c2c_bob']);
    expect(chat.notReadyCalls).toEqual([]);
  });

  it('fails a send made before ready with NOT_LOGGED_IN on its promise, not an unhandled SDK rejection', async () => {
    const { chat, engine } = setupTencent();
    chat.ready = false;
    const draft = await engine.createTextMessage('too early');
    const handle = engine.sendMessage(draft, { receiver: 'bob' });
    await expect(handle.promise).rejects.toMatchObject({
      code: ChatErrorCode.NotLoggedIn,
      details: { reason: 'sdkNotReady' },
    });
    await expect(engine.findMessages(['x'])).rejects.toMatchObject({ code: ChatErrorCode.NotLoggedIn });
    expect(chat.notReadyCalls).toEqual([]);
  });

  it('rejects calls still waiting for ready with NOT_LOGGED_IN when the engine logs out', async () => {
    const { chat, engine } = setupTencent();
    chat.ready = false;
    const waiting = engine.getConversationList(0, 20);
    await settle();
    await engine.logout();
    await expect(waiting).rejects.toMatchObject({ code: ChatErrorCode.NotLoggedIn });
    expect(chat.notReadyCalls).toEqual([]);
  });

  it('logs out an engine whose SDK was never logged in (the SDK answers 2024)', async () => {
    const { chat, engine } = setupTencent();
    chat.ready = false;
    chat.logoutCode = 2024;
    await engine.logout();
    await expect(engine.getConversationList(0, 20)).rejects.toMatchObject({
      code: ChatErrorCode.NotLoggedIn,
    });
  });
});
