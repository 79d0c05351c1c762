import type { Message, MessageElem } from '../../model/types';
import { invalidParameter } from '../engine-validation';
import type { MediaKind } from './local-protocol';

/** History order: by time, then seq, then msgID, so local and server messages interleave stably. */
export function compareMessages(
  a: Pick<Message, 'timestamp' | 'seq' | 'msgID'>,
  b: Pick<Message, 'timestamp' | 'seq' | 'msgID'>,
): number {
  if (a.timestamp !== b.timestamp) return a.timestamp - b.timestamp;
  if (a.seq !== b.seq) return a.seq - b.seq;
  return a.msgID < b.msgID ? -1 : a.msgID > b.msgID ? 1 : 0;
}

/** One blob a message carries: its uuid, size and what it is uploaded as (the size limit differs). */
export interface MessageMedia {
  uuid: string;
  size: number;
  kind: MediaKind;
}

/** The media of a message: every blob it carries. */
export function mediaOf(elemList: readonly MessageElem[]): MessageMedia[] {
  const media: MessageMedia[] = [];
  for (const elem of elemList) {
    if (elem.type === 'image') media.push({ uuid: elem.uuid, size: elem.fileSize, kind: 'image' });
    else if (elem.type === 'sound' || elem.type === 'file')
      media.push({ uuid: elem.uuid, size: elem.fileSize, kind: 'file' });
    else if (elem.type === 'video') {
      media.push({ uuid: elem.uuid, size: elem.fileSize, kind: 'file' });
      if (elem.snapshotUuid) media.push({ uuid: elem.snapshotUuid, size: 0, kind: 'image' });
    }
  }
  return media;
}

/** The searchable text of an element (text, custom description/data, file names, location). */
export function searchableText(elem: MessageElem): string {
  switch (elem.type) {
    case 'text':
      return elem.text;
    case 'custom':
      return `${elem.description}\n${elem.data}\n${elem.extension}`;
    case 'file':
      return elem.fileName;
    case 'image':
      return elem.fileName;
    case 'location':
      return elem.description;
    case 'merger':
      return `${elem.title}\n${elem.abstractList.join('\n')}`;
    case 'face':
      return elem.data;
    default:
      return '';
  }
}

/** A unique message ID: `<userID>-<time36>-<random36>`. */
export function createMessageID(userID: string, now: number, random: () => number): string {
  const rand = Math.floor(random() * 36 ** 8)
    .toString(36)
    .padStart(8, '0');
  return `${userID}-${now.toString(36)}-${rand}`;
}

/** A random uint32, for `Message.random` and media uuids. */
export function randomUint32(random: () => number): number {
  return Math.floor(random() * 0x1_0000_0000) >>> 0;
}

/** A unique media ID. */
export function createUuid(random: () => number): string {
  const part = () => randomUint32(random).toString(16).padStart(8, '0');
  return `${part()}-${part()}-${part()}-${part()}`;
}

/** Group tips come only from the server: a message with one cannot be sent. */
export function assertNoGroupTips(method: string, message: Message): void {
  if (message.elemList.some((elem) => elem.type === 'groupTip')) {
    throw invalidParameter(method, 'message', 'a message without group tips (only the server sends those)');
  }
}
