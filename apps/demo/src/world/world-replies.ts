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
 * a question, a greeting), sometimes with a sticker.
 */
export function replyTo(message: Message, senderName: string): MessageElem {
  const seed = hashOf(message.msgID);
  const text = message.elemList
    .flatMap((elem) => (elem.type === 'text' ? [elem.text] : []))
    .join(' ')
    .trim();
  const lang = CJK.test(text) ? 'zh' : 'en';
  const first = message.elemList[0];
  const say = (value: string): MessageElem => ({ type: 'text', text: value });
  if (first?.type === 'image' || first?.type === 'video') return say(REPLIES.image[lang]);
  if (first?.type === 'file') return say(REPLIES.file[lang]);
  if (first?.type === 'sound') return say(REPLIES.voice[lang]);
  if (first?.type === 'location') return say(REPLIES.location[lang]);
  if (first?.type === 'face') return { type: 'face', index: pick(REPLIES.face, seed), data: 'default' };
  if (/^(hi|hey|hello|yo|morning)\b|^(你好|嗨|早)/i.test(text)) {
    const name = senderName.split(' ')[0] ?? senderName;
    return say(REPLIES.greeting[lang](name));
  }
  if (/[?？]\s*$/.test(text)) return say(pick(REPLIES.question[lang], seed));
  if (seed % 7 === 0) return { type: 'face', index: pick(REPLIES.face, seed >> 3), data: 'default' };
  return say(pick(REPLIES[lang], seed >> 2));
}
