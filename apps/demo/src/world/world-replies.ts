import type { Message, MessageElem } from '@tidings/core';
import { REPLIES } from './world-scripts';

const CJK = /[\u3400-\u9fff]/;

/** A stable number from a string, for picks that every tab would make the same way. */
export function hashOf(value: string): number {
  let hash = 2166136261;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return hash >>> 0;
}

function pick<T>(list: readonly T[], seed: number): T {
  return list[seed % list.length] as T;
}

/**
 * What a person answers to a message: in the message's language, about what it holds (a photo, a file,
 * a question, a greeting), sometimes with a sticker. The pick depends on who answers, and never repeats
 * `previous` (the answerer's last line), so people do not echo each other or themselves word for word.
 */
export function replyTo(
  message: Message,
  senderName: string,
  replierID = '',
  previous: string | null = null,
): MessageElem {
  const seed = hashOf(`${message.msgID}:${replierID}`);
  const fresh = (list: readonly string[], at: number): string => {
    const first = pick(list, at);
    return first === previous && list.length > 1 ? pick(list, at + 1) : first;
  };
  const text = message.elemList
    .flatMap((elem) => (elem.type === 'text' ? [elem.text] : []))
    .join(' ')
    .trim();
  const lang = CJK.test(text) ? 'zh' : 'en';
  const first = message.elemList[0];
  const say = (value: string): MessageElem => ({ type: 'text', text: value });
  if (first?.type === 'image' || first?.type === 'video') return say(fresh(REPLIES.image[lang], seed));
  if (first?.type === 'file') return say(fresh(REPLIES.file[lang], seed));
  if (first?.type === 'sound') return say(fresh(REPLIES.voice[lang], seed));
  if (first?.type === 'location') return say(fresh(REPLIES.location[lang], seed));
  if (first?.type === 'face') return { type: 'face', index: pick(REPLIES.face, seed), data: 'default' };
  if (/^(hi|hey|hello|yo|morning)\b|^(你好|嗨|早)/i.test(text)) {
    const name = senderName.split(' ')[0] ?? senderName;
    return say(REPLIES.greeting[lang](name));
  }
  if (/[?？]\s*$/.test(text)) return say(fresh(REPLIES.question[lang], seed));
  if (seed % 7 === 0) return { type: 'face', index: pick(REPLIES.face, seed >> 3), data: 'default' };
  return say(fresh(REPLIES[lang], seed >> 2));
}
