import { afterEach, describe, expect, test } from 'vitest';
import { ChatErrorCode } from '../model/chat-error';
import type { ChatEngine } from './chat-engine';
import { createLocalHub, type LocalHub } from './local/local-hub';
import { pullAll } from './local/local-test-helpers';
import { setupTencent } from './tencent/tencent-engine-test-kit';

/**
 * Tencent's documented limits, applied by both engines (and the local hub, which a hostile tab can reach
 * directly): a message body (text, custom, merged-message summary, cloudCustomData) of at most 12 KB and a
 * group name of at most 30 bytes.
 */

let hub: LocalHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

async function localEngine(): Promise<{ engine: ChatEngine; sdkCalls: () => string[] }> {
  hub = await createLocalHub({ rateLimits: false, users: ['alice', 'bob'] });
  const engine = await hub.connect('alice');
  return { engine, sdkCalls: () => [] };
}

function tencentEngine(): { engine: ChatEngine; sdkCalls: () => string[] } {
  const { chat, engine } = setupTencent();
  return { engine, sdkCalls: () => chat.calls.map((call) => call.method) };
}

const engines = [
  ['local', localEngine],
  ['Tencent', tencentEngine],
] as const;

describe.each(engines)('%s engine limits', (_name, make) => {
  test('5 MB of cloudCustomData is refused as MESSAGE_TOO_LARGE and nothing is sent', async () => {
    const { engine, sdkCalls } = await make();
    const message = await engine.createTextMessage('hi');
    message.cloudCustomData = 'x'.repeat(5 * 1024 * 1024);
    const before = sdkCalls().length;
    await expect(engine.sendMessage(message, { receiver: 'bob' })).rejects.toMatchObject({
      code: ChatErrorCode.MessageTooLarge,
      details: { limit: 12 * 1024 },
    });
    expect(sdkCalls().slice(before)).not.toContain('sendMessage');
    expect((await engine.getConversationList(0, 10)).conversationList).toEqual([]);
  });

  test('text and cloudCustomData together over 12 KB are refused; just under is sent', async () => {
    const { engine } = await make();
    const over = await engine.createTextMessage('a'.repeat(8 * 1024));
    over.cloudCustomData = 'b'.repeat(4 * 1024 + 1);
    await expect(engine.sendMessage(over, { receiver: 'bob' })).rejects.toMatchObject({
      code: ChatErrorCode.MessageTooLarge,
    });
    const fits = await engine.createTextMessage('a'.repeat(8 * 1024));
    fits.cloudCustomData = 'b'.repeat(4 * 1024);
    await expect(engine.sendMessage(fits, { receiver: 'bob' })).resolves.toMatchObject({ status: 'sent' });
  });

  test('a group name of 2 MB (or 31 bytes) is refused with INVALID_PARAMETER; 30 bytes is fine', async () => {
    const { engine } = await make();
    for (const name of ['n'.repeat(2 * 1024 * 1024), 'n'.repeat(31), '群'.repeat(11)]) {
      await expect(engine.createGroup({ name, memberUserIDList: [] })).rejects.toMatchObject({
        code: ChatErrorCode.InvalidParameter,
        details: { parameter: 'options.name', limit: 30 },
      });
    }
    await expect(engine.createGroup({ name: '群'.repeat(10), memberUserIDList: [] })).resolves.toMatchObject({
      name: '群'.repeat(10),
    });
  });
});

test('the local hub refuses an oversized group name even from a caller that skips the engine', async () => {
  hub = await createLocalHub({ rateLimits: false, users: ['alice'] });
  await expect(
    hub.createGroup({ name: 'n'.repeat(2 * 1024 * 1024), ownerID: 'alice', memberUserIDList: [] }),
  ).rejects.toMatchObject({ code: ChatErrorCode.InvalidParameter });
  const alice = await hub.connect('alice');
  expect(await pullAll(alice)).toEqual([]);
});
