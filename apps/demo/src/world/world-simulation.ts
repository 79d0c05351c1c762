import { type ChatStore, createChatStore, type Message, type MessageElem } from '@tidings/core';
import type { LocalEngine } from '@tidings/core/local';
import type { World } from './world';
import { presentUsers } from './world';
import { GROUPS, PEOPLE, TIDINGS_USER_ID } from './world-people';
import { hashOf, replyTo } from './world-replies';
import { GROUP_CHATTER, REPLIES } from './world-scripts';
import { type WorldSettings, worldSettingsStore } from './world-settings';

/** A person played by the simulation: their own session (a device called `bot`). */
interface Bot {
  userID: string;
  engine: LocalEngine;
  /** Only for `sendTyping`: the store's online-only typing message. */
  store: ChatStore;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = (min: number, max: number) => min + Math.random() * (max - min);

/**
 * Makes the world alive, in whichever tab runs the hub (so two tabs never both answer): people who are
 * not signed in in a tab answer messages after typing for a moment, groups chat on their own, and
 * messages arrive at the rate the demo controls set. In the load worlds, the load's peers send the
 * traffic. Returns a function that stops it.
 */
export function runWorldSimulation(world: World): () => void {
  let active: Simulation | null = null;
  const check = () => {
    if (world.hub.isLeader && !active) {
      active = new Simulation(world);
      active.start();
    } else if (!world.hub.isLeader && active) {
      active.stop();
      active = null;
    }
  };
  check();
  // Leadership moves when the leading tab closes; a second is soon enough to pick the world up.
  const timer = setInterval(check, 1000);
  return () => {
    clearInterval(timer);
    active?.stop();
    active = null;
  };
}

class Simulation {
  readonly #world: World;
  readonly #bots = new Map<string, Promise<Bot | null>>();
  readonly #peers = new Map<string, Promise<Bot | null>>();
  #present = new Set<string>();
  #settings: WorldSettings = worldSettingsStore.get();
  readonly #pendingReplies = new Map<string, ReturnType<typeof setTimeout>>();
  /** Each simulated person's last line, so they never say the same thing twice in a row. */
  readonly #lastLines = new Map<string, string>();
  readonly #memberCache = new Map<string, string[]>();
  #chatterTimer: ReturnType<typeof setTimeout> | null = null;
  #trafficTimer: ReturnType<typeof setInterval> | null = null;
  #inFlight = 0;
  #stopped = false;
  #unsubscribe: () => void = () => undefined;
  #presenceTimer: ReturnType<typeof setInterval> | null = null;

  constructor(world: World) {
    this.#world = world;
  }

  start(): void {
    void this.#refreshPresence();
    this.#presenceTimer = setInterval(() => void this.#refreshPresence(), 1500);
    if (this.#world.load === 0) {
      for (const userID of [TIDINGS_USER_ID, ...PEOPLE.map((person) => person.userID)]) this.#bot(userID);
    }
    this.#unsubscribe = worldSettingsStore.subscribe(() => this.#apply(worldSettingsStore.get()));
    this.#apply(worldSettingsStore.get(), true);
  }

  stop(): void {
    this.#stopped = true;
    this.#unsubscribe();
    if (this.#presenceTimer) clearInterval(this.#presenceTimer);
    if (this.#chatterTimer) clearTimeout(this.#chatterTimer);
    if (this.#trafficTimer) clearInterval(this.#trafficTimer);
    for (const timer of this.#pendingReplies.values()) clearTimeout(timer);
    for (const bot of [...this.#bots.values(), ...this.#peers.values()]) {
      void bot.then((held) => held?.engine.logout()).catch(() => undefined);
    }
  }

  async #refreshPresence(): Promise<void> {
    this.#present = await presentUsers().catch(() => this.#present);
  }

  #apply(settings: WorldSettings, first = false): void {
    const previous = this.#settings;
    this.#settings = settings;
    if (first || previous.groupChatter !== settings.groupChatter) {
      if (this.#chatterTimer) clearTimeout(this.#chatterTimer);
      this.#chatterTimer = null;
      if (settings.groupChatter && this.#world.load === 0) this.#scheduleChatter();
    }
    if (first || previous.trafficMs !== settings.trafficMs) {
      if (this.#trafficTimer) clearInterval(this.#trafficTimer);
      this.#trafficTimer = null;
      if (settings.trafficMs > 0)
        this.#trafficTimer = setInterval(() => this.#trafficTick(), settings.trafficMs);
    }
  }

  #connect(userID: string): Promise<Bot | null> {
    return this.#world.hub
      .connect(userID, { persist: false, deviceID: 'bot' })
      .then((engine) => ({ userID, engine, store: createChatStore(engine) }))
      .catch((error: unknown) => {
        console.warn(`Tidings demo: ${userID} could not join the simulation`, error);
        return null;
      });
  }

  #bot(userID: string): Promise<Bot | null> {
    let bot = this.#bots.get(userID);
    if (!bot) {
      bot = this.#connect(userID).then((held) => {
        if (!held) return held;
        held.engine.addAdvancedMsgListener({ onRecvNewMessage: (message) => this.#onMessage(held, message) });
        void this.#catchUp(held).catch(() => undefined);
        return held;
      });
      this.#bots.set(userID, bot);
    }
    return bot;
  }

  /** A load peer for traffic; a few dozen stay connected, the oldest leaving first. */
  #peer(userID: string): Promise<Bot | null> {
    let peer = this.#peers.get(userID);
    if (!peer) {
      peer = this.#connect(userID);
      this.#peers.set(userID, peer);
      if (this.#peers.size > 32) {
        const [oldest, leaving] = this.#peers.entries().next().value as [string, Promise<Bot | null>];
        this.#peers.delete(oldest);
        void leaving.then((held) => held?.engine.logout()).catch(() => undefined);
      }
    }
    return peer;
  }

  /**
   * Answers what arrived while the person's session was still connecting (right after the hub's tab
   * opened): one-to-one messages from someone in a tab, unread, from the last minute.
   */
  async #catchUp(bot: Bot): Promise<void> {
    await this.#refreshPresence();
    const { conversationList } = await bot.engine.getConversationList(0, 20);
    const since = bot.engine.getServerTime() - 60_000;
    for (const conversation of conversationList) {
      const last = conversation.lastMessage;
      if (conversation.type !== 'c2c' || conversation.unreadCount === 0 || !last) continue;
      if (last.isSelf || last.timestamp < since) continue;
      this.#onMessage(bot, last);
    }
  }

  async #members(bot: Bot, groupID: string): Promise<string[]> {
    let members = this.#memberCache.get(groupID);
    if (!members) {
      members = (await bot.engine.getGroupMemberList(groupID)).map((member) => member.userID);
      this.#memberCache.set(groupID, members);
    }
    return members;
  }

  /** A person answers a message from someone signed in in a tab (never one from another simulated person). */
  #onMessage(bot: Bot, message: Message): void {
    if (message.isSelf || message.isOnlineOnly || message.status === 'revoked') return;
    if (!this.#settings.botsReply) return;
    // Someone may have signed in a moment ago, after the last look at who is in a tab: look again.
    void this.#refreshPresence().then(() => {
      if (this.#stopped || this.#present.has(bot.userID) || !this.#present.has(message.sender)) return;
      this.#scheduleAnswer(bot, message);
    });
  }

  #scheduleAnswer(bot: Bot, message: Message): void {
    const key = `${bot.userID}\n${message.conversationID}`;
    clearTimeout(this.#pendingReplies.get(key));
    // A burst of messages gets one answer, to the last of them.
    const timer = setTimeout(
      () => {
        this.#pendingReplies.delete(key);
        if (!this.#stopped) void this.#answer(bot, message).catch(() => undefined);
      },
      between(500, 1100),
    );
    this.#pendingReplies.set(key, timer);
  }

  async #answer(bot: Bot, message: Message): Promise<void> {
    const isGroup = message.conversationType === 'group';
    if (isGroup) {
      // One member answers in a group, the same one whichever bot asks; a mention always gets its answer.
      const members = await this.#members(bot, message.groupID);
      const eligible = members.filter((id) => id !== message.sender && !this.#present.has(id));
      const mentioned = message.atUserList.includes(bot.userID);
      const chosen = eligible[hashOf(message.msgID) % Math.max(1, eligible.length)];
      if (!mentioned && (chosen !== bot.userID || hashOf(message.msgID) % 2 === 1)) return;
      await bot.engine.markGroupMessageAsRead(message.groupID);
    } else {
      await bot.engine.markC2CMessageAsRead(message.sender);
    }
    await bot.store.getState().sendTyping(message.conversationID);
    await wait(between(1200, 2400));
    if (this.#stopped) return;
    const reply = replyTo(
      message,
      message.nick || message.sender,
      bot.userID,
      this.#lastLines.get(bot.userID) ?? null,
    );
    if (reply.type === 'text') this.#lastLines.set(bot.userID, reply.text);
    await this.#send(bot, reply, message);
  }

  async #send(bot: Bot, elem: MessageElem, to: Pick<Message, 'conversationType' | 'groupID' | 'sender'>) {
    const message =
      elem.type === 'face'
        ? await bot.engine.createFaceMessage(elem.index, elem.data)
        : await bot.engine.createTextMessage(elem.type === 'text' ? elem.text : '');
    await bot.engine.sendMessage(
      message,
      to.conversationType === 'group' ? { groupID: to.groupID } : { receiver: to.sender },
    ).promise;
  }

  #scheduleChatter(): void {
    this.#chatterTimer = setTimeout(
      () => {
        void this.#chatter().finally(() => {
          if (!this.#stopped && this.#settings.groupChatter) this.#scheduleChatter();
        });
      },
      between(7000, 16000),
    );
  }

  /** Someone posts to a group that a signed-in person is in. */
  async #chatter(): Promise<void> {
    const groups = GROUPS.filter((group) => group.members.some((id) => this.#present.has(id)));
    if (groups.length === 0) return;
    const group = groups[Math.floor(Math.random() * groups.length)];
    if (!group) return;
    const speakers = group.members.filter((id) => !this.#present.has(id));
    const speaker = speakers[Math.floor(Math.random() * speakers.length)];
    const lines = GROUP_CHATTER[group.groupID] ?? [];
    const line = lines[Math.floor(Math.random() * lines.length)];
    if (!speaker || !line) return;
    const bot = await this.#bot(speaker);
    if (!bot) return;
    await bot.store.getState().sendTyping(`group_${group.groupID}`);
    await wait(between(1200, 2200));
    if (this.#stopped) return;
    const message = await bot.engine.createTextMessage(line);
    await bot.engine.sendMessage(message, { groupID: group.groupID }).promise;
  }

  /** One message of the incoming traffic, to someone signed in in a tab. */
  #trafficTick(): void {
    if (this.#inFlight >= 8) return;
    const humans = [...this.#present].filter((id) => id !== TIDINGS_USER_ID);
    const to = humans[Math.floor(Math.random() * humans.length)];
    if (!to) return;
    let from: Promise<Bot | null>;
    if (this.#world.load > 0) {
      // The load's peers: `peer-…`, zero-padded as `seedConversations` names them.
      const width = String(1 + this.#world.load).length;
      const n = 1 + Math.floor(Math.random() * Math.min(this.#world.load, 5000));
      from = this.#peer(`peer-${String(n).padStart(width, '0')}`);
    } else {
      const people = PEOPLE.filter((person) => person.userID !== to && !this.#present.has(person.userID));
      const person = people[Math.floor(Math.random() * people.length)];
      if (!person) return;
      from = this.#bot(person.userID);
    }
    this.#inFlight++;
    void from
      .then(async (bot) => {
        if (!bot || this.#stopped) return;
        const lines = REPLIES.en;
        const text = lines[Math.floor(Math.random() * lines.length)] ?? '👋';
        const message = await bot.engine.createTextMessage(text);
        await bot.engine.sendMessage(message, { receiver: to }).promise;
      })
      .catch(() => undefined)
      .finally(() => {
        this.#inFlight--;
      });
  }
}
