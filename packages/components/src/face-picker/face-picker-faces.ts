/**
 * A face (sticker) a user can pick: what a face element (`{ type: 'face', index, data }`) stands for.
 * `data` names the set and `index` the face in it, as in the Tencent IM face element; `emoji` is what the
 * kit shows (and what the composer inserts into text); `names` give the accessible name per language.
 */
export interface Face {
  /** Position in its set; sent as the face element's `index`. */
  index: number;
  /** The set it belongs to; sent as the face element's `data`. */
  data: string;
  /** The glyph shown for it (an emoji, or any short text). */
  emoji: string;
  /**
   * Accessible names by BCP 47 tag, e.g. `{ en: 'Thumbs up', 'zh-CN': '赞' }`; looked up by the exact
   * locale, then its language, then `en` (see {@link faceName}).
   */
  names: Readonly<Record<string, string>>;
}

/** `data` of the built-in face set. The seeded histories of `@tidings/core/testing` use it too. */
export const DEFAULT_FACE_SET = 'default';

const face = (index: number, emoji: string, en: string, zh: string): Face => ({
  index,
  data: DEFAULT_FACE_SET,
  emoji,
  names: { en, 'zh-CN': zh },
});

/**
 * The built-in faces: 40 common emoji in five rows of eight (faces, hands, hearts and things), named in
 * English and Simplified Chinese. Indexes never change, so a face message sent today shows the same face
 * tomorrow; new faces are only ever appended.
 */
export const DEFAULT_FACES: readonly Face[] = [
  face(0, '😀', 'Grinning face', '嘿嘿'),
  face(1, '😂', 'Tears of joy', '笑哭'),
  face(2, '😊', 'Smiling face', '微笑'),
  face(3, '😍', 'Heart eyes', '花痴'),
  face(4, '😘', 'Blowing a kiss', '飞吻'),
  face(5, '😎', 'Cool', '酷'),
  face(6, '🤔', 'Thinking', '思考'),
  face(7, '😅', 'Sweat smile', '汗'),
  face(8, '😭', 'Crying', '大哭'),
  face(9, '😡', 'Angry', '发怒'),
  face(10, '😱', 'Screaming', '惊恐'),
  face(11, '😴', 'Sleeping', '睡觉'),
  face(12, '🤗', 'Hug', '拥抱'),
  face(13, '🙄', 'Eye roll', '白眼'),
  face(14, '😉', 'Wink', '眨眼'),
  face(15, '🥳', 'Partying face', '派对'),
  face(16, '👍', 'Thumbs up', '赞'),
  face(17, '👎', 'Thumbs down', '踩'),
  face(18, '👏', 'Clapping', '鼓掌'),
  face(19, '🙏', 'Thank you', '谢谢'),
  face(20, '👌', 'OK', '好的'),
  face(21, '✌️', 'Victory', '胜利'),
  face(22, '💪', 'Strong', '加油'),
  face(23, '👋', 'Waving', '挥手'),
  face(24, '❤️', 'Red heart', '爱心'),
  face(25, '💔', 'Broken heart', '心碎'),
  face(26, '🔥', 'Fire', '火'),
  face(27, '🎉', 'Party popper', '礼花'),
  face(28, '✨', 'Sparkles', '闪亮'),
  face(29, '⭐', 'Star', '星星'),
  face(30, '☕', 'Coffee', '咖啡'),
  face(31, '🍺', 'Beer', '啤酒'),
  face(32, '🍰', 'Cake', '蛋糕'),
  face(33, '🌹', 'Rose', '玫瑰'),
  face(34, '🎁', 'Gift', '礼物'),
  face(35, '💯', 'Hundred points', '满分'),
  face(36, '✅', 'Done', '完成'),
  face(37, '❌', 'Cross mark', '叉'),
  face(38, '❓', 'Question', '疑问'),
  face(39, '👀', 'Eyes', '看看'),
];

/**
 * The face a face element stands for, or undefined when the set or index is unknown (render the
 * element's `[Sticker]` preview then).
 *
 * @param faces The faces to look in. @default DEFAULT_FACES
 * @example
 * const face = findFace(elem.index, elem.data); // { emoji: '👍', names: { en: 'Thumbs up', … } }
 */
export function findFace(
  index: number,
  data: string,
  faces: readonly Face[] = DEFAULT_FACES,
): Face | undefined {
  // The built-in set is indexed by position; other sets may be sparse or unordered.
  const candidate = faces[index];
  if (candidate?.index === index && candidate.data === data) return candidate;
  return faces.find((item) => item.index === index && item.data === data);
}

/**
 * A face's accessible name in a locale: the exact tag (`zh-CN`), then its language (`zh`, or any tag of
 * that language), then English, then the glyph itself.
 *
 * @example
 * faceName(face, 'zh-CN'); // '赞'
 */
export function faceName(face: Face, locale: string): string {
  const { names } = face;
  const exact = names[locale];
  if (exact) return exact;
  const language = locale.split('-')[0]?.toLowerCase() ?? '';
  for (const [tag, name] of Object.entries(names)) {
    if (tag.split('-')[0]?.toLowerCase() === language) return name;
  }
  return names.en ?? face.emoji;
}
