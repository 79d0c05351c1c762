import type { MessageElem } from '@tidings/core';
import type { HubSeed, HubWorkProgress, LocalHub, SeedMessage } from '@tidings/core/local';
import { createRandom, seedConversations } from '@tidings/core/testing';
import { makePdf, makeText, paintScene, type SceneName, synthesizeVoice } from './world-media';
import {
  CHINESE_SPEAKERS,
  GROUPS,
  PEOPLE,
  TIDINGS_PROFILE,
  TIDINGS_USER_ID,
  type WorldGroup,
} from './world-people';
import {
  CHINESE_SCRIPTS,
  DIRECT_SCRIPTS,
  GROUP_SCRIPTS,
  type ScriptContent,
  type ScriptLine,
  type SeedFileName,
  WELCOME,
} from './world-scripts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The seeded group whose presence tells that a world has been seeded. */
export const SEED_MARKER_GROUP = GROUPS[0]?.groupID ?? 'design-team';

/** The media every seeded message refers to, made once per seed. */
class MediaBank {
  readonly media: NonNullable<HubSeed['media']> = [];
  readonly #images = new Map<SceneName, Promise<MessageElem>>();
  readonly #files = new Map<SeedFileName, MessageElem>();
  #voices = 0;

  image(scene: SceneName): Promise<MessageElem> {
    let elem = this.#images.get(scene);
    if (!elem) {
      elem = paintScene(scene).then((painted) => {
        const uuid = `world-image-${scene}`;
        this.media.push({ uuid, data: painted.data, type: painted.type });
        return {
          type: 'image',
          uuid,
          url: '',
          fileSize: painted.data.byteLength,
          mimeType: painted.type,
          fileName: `IMG_${scene.toUpperCase()}.jpg`,
          width: painted.width,
          height: painted.height,
          thumbUrl: '',
        };
      });
      this.#images.set(scene, elem);
    }
    return elem;
  }

  file(name: SeedFileName): MessageElem {
    let elem = this.#files.get(name);
    if (!elem) {
      const [data, mimeType] = FILES[name]();
      const uuid = `world-file-${this.#files.size + 1}`;
      this.media.push({ uuid, data, type: mimeType });
      elem = { type: 'file', uuid, url: '', fileSize: data.byteLength, mimeType, fileName: name };
      this.#files.set(name, elem);
    }
    return elem;
  }

  voice(seconds: number): MessageElem {
    const uuid = `world-voice-${++this.#voices}`;
    const data = synthesizeVoice(seconds, this.#voices);
    this.media.push({ uuid, data, type: 'audio/wav' });
    return {
      type: 'sound',
      uuid,
      url: '',
      fileSize: data.byteLength,
      mimeType: 'audio/wav',
      duration: seconds,
    };
  }
}

const FILES: Record<SeedFileName, () => [ArrayBuffer, string]> = {
  'Q3 roadmap.pdf': () => [
    makePdf('Q3 roadmap', [
      '1. Message search across conversations',
      '2. Offline mode with a send queue',
      '3. Conversation folders',
      '4. Faster first paint on huge inboxes',
    ]),
    'application/pdf',
  ],
  'Offsite budget.xlsx': () => [
    makeText('Item,Cost\nVenue,2400\nTravel,3100\nFood,1800\nActivities,900\n'),
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ],
  'CHANGELOG-2.4.md': () => [
    makeText(
      '# 2.4.0\n\n- Message search\n- Right-to-left layout fixes\n- Unread counts stay right after a reconnect\n',
    ),
    'text/markdown',
  ],
  '会议纪要.txt': () => [makeText('会议纪要\n\n1. 下周发布 2.4 版本\n2. 周五前完成测试\n'), 'text/plain'],
  'Packing list.txt': () => [
    makeText('Tent\nSleeping bags\nHeadlamps\nStove and gas\nMarshmallows\n'),
    'text/plain',
  ],
};

async function elemsOf(content: ScriptContent, bank: MediaBank): Promise<MessageElem[]> {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  if ('image' in content) {
    const image = await bank.image(content.image);
    return content.caption ? [image, { type: 'text', text: content.caption }] : [image];
  }
  if ('file' in content) return [bank.file(content.file)];
  if ('voice' in content) return [bank.voice(content.voice)];
  if ('face' in content) return [{ type: 'face', index: content.face, data: 'default' }];
  if ('location' in content) {
    const [description, longitude, latitude] = content.location;
    return [{ type: 'location', description, longitude, latitude }];
  }
  return [
    {
      type: 'custom',
      data: JSON.stringify({ businessID: 'poll', question: content.poll, options: ['Yes', 'No'] }),
      description: `📊 ${content.poll}`,
      extension: '',
    },
  ];
}

interface Thread {
  participants: string[];
  groupID?: string;
  script: readonly ScriptLine[];
}

/** The two-person conversations: Alice and Bob know everyone; the others their neighbours. */
function directThreads(): Thread[] {
  const ids = PEOPLE.map((person) => person.userID);
  const pairs: [string, string][] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const distance = Math.min(j - i, ids.length - (j - i));
      if (i < 2 || distance <= 2) pairs.push([ids[i] as string, ids[j] as string]);
    }
  }
  let english = 0;
  let chinese = 0;
  return pairs.map(([a, b], index) => {
    const inChinese = CHINESE_SPEAKERS.has(a) && CHINESE_SPEAKERS.has(b);
    const script = inChinese
      ? CHINESE_SCRIPTS[chinese++ % CHINESE_SCRIPTS.length]
      : DIRECT_SCRIPTS[(english++ * 5) % DIRECT_SCRIPTS.length];
    // Who opens alternates, so each person both starts and answers conversations.
    return { participants: index % 2 === 0 ? [a, b] : [b, a], script: script ?? [] };
  });
}

function groupThreads(groups: readonly WorldGroup[]): Thread[] {
  return groups.map((group) => ({
    participants: group.members,
    groupID: group.groupID,
    script: GROUP_SCRIPTS[group.groupID] ?? [],
  }));
}

/**
 * Writes the demo world into a hub: the people and the Tidings account, five groups, about sixty
 * conversations of every message type ending at staggered times over the last two weeks (some unread),
 * and a welcome from Tidings to everyone. Deterministic apart from the clock.
 */
export async function seedWorld(hub: LocalHub): Promise<void> {
  const random = createRandom(20_250_101);
  const bank = new MediaBank();
  const now = hub.getServerTime();
  const messages: SeedMessage[] = [];
  // Groups and two-person conversations interleave in a fixed shuffled order.
  const threads = [...groupThreads(GROUPS), ...directThreads()]
    .map((thread) => ({ thread, key: random() }))
    .sort((a, b) => a.key - b.key)
    .map(({ thread }) => thread);
  // Conversations end from a few minutes ago back over two weeks, so every time format shows up.
  const ends = threads.map(
    (_, index) => now - 4 * MINUTE - index ** 1.9 * 9 * MINUTE - random() * 20 * MINUTE,
  );
  for (const [index, thread] of threads.entries()) {
    const end = ends[index] as number;
    const lines = thread.script;
    // A long script starts the day before, for a date separator in the middle.
    const breakAt = lines.length >= 7 ? Math.floor(lines.length / 2) : -1;
    const unread = random() < 0.4 ? 1 + Math.floor(random() * 3) : 0;
    let time = end;
    const times: number[] = [];
    for (let k = lines.length - 1; k >= 0; k--) {
      times[k] = time;
      time -= k === breakAt ? DAY + 2 * HOUR : (1 + Math.floor(random() * 6)) * MINUTE;
    }
    for (const [k, [speaker, content]] of lines.entries()) {
      const sender = thread.participants[speaker % thread.participants.length] as string;
      const receiver = thread.groupID ? undefined : thread.participants.find((id) => id !== sender);
      messages.push({
        sender,
        ...(thread.groupID ? { groupID: thread.groupID } : { receiver }),
        elemList: await elemsOf(content, bank),
        timestamp: Math.round(times[k] as number),
        read: k < lines.length - unread,
      });
    }
  }
  for (const person of PEOPLE) {
    const lines = CHINESE_SPEAKERS.has(person.userID) ? WELCOME.zh : WELCOME.en;
    const first = person.nick.split(' ')[0] ?? person.nick;
    lines.forEach((line, k) => {
      messages.push({
        sender: TIDINGS_USER_ID,
        receiver: person.userID,
        elemList: [{ type: 'text', text: line(first) }],
        timestamp: now - 2 * MINUTE - (lines.length - k) * 1000,
        read: k < lines.length - 1,
      });
    });
  }
  await hub.seed({
    users: [TIDINGS_PROFILE, ...PEOPLE],
    groups: GROUPS.map((group) => ({
      groupID: group.groupID,
      name: group.name,
      faceUrl: group.faceUrl,
      ownerID: group.members[0] as string,
      memberUserIDList: group.members,
      createTime: now - 60 * DAY,
    })),
    messages,
    media: bank.media,
  });
}

/** The user that marks a load as seeded for one account (never listed anywhere). */
export function loadMarkerUserID(userID: string): string {
  return `__load-${userID}`;
}

/**
 * Gives an account `count` more conversations (with `peer-…` users, one message each, a fifth unread),
 * older than the demo world's, so the real conversations stay on top.
 */
export async function seedLoad(
  hub: LocalHub,
  userID: string,
  count: number,
  onProgress?: (progress: HubWorkProgress) => void,
): Promise<void> {
  await seedConversations(hub, userID, count, {
    ...(onProgress && { onProgress }),
    peerPrefix: 'peer',
    endTime: hub.getServerTime() - 16 * DAY,
    seed: count,
    // One write: every batch rewrites the account's conversation buckets, so fewer batches write less.
    batchSize: count,
  });
  await hub.seed({ users: [{ userID: loadMarkerUserID(userID), nick: 'load marker', faceUrl: '' }] });
}
