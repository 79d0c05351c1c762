import type { SceneName } from './world-media';

/**
 * What the seeded people say. A line is text, or a piece of media by name, so one script reads like a
 * real conversation and exercises every message type the kit renders.
 */
export type ScriptContent =
  | string
  | { image: SceneName; caption?: string }
  | { file: SeedFileName }
  | { voice: number }
  | { face: number }
  | { location: [description: string, longitude: number, latitude: number] }
  | { poll: string };

/** A line of a script: who says it (an index into the participants) and what. */
export type ScriptLine = [speaker: number, content: ScriptContent];

/** The files the seeded conversations share. */
export type SeedFileName =
  | 'Q3 roadmap.pdf'
  | 'Offsite budget.xlsx'
  | 'CHANGELOG-2.4.md'
  | '会议纪要.txt'
  | 'Packing list.txt';

/** Two-person conversations in English. */
export const DIRECT_SCRIPTS: readonly (readonly ScriptLine[])[] = [
  [
    [0, 'Are you around this weekend?'],
    [1, 'Saturday yes, Sunday I’m at my sister’s'],
    [0, 'Hike on Saturday then? The ridge trail should be clear now'],
    [1, { image: 'sunset' }],
    [1, 'This was the view last time 😍'],
    [0, 'Okay, that settles it'],
    [0, { location: ['Trailhead parking, Mt. Tamalpais', -122.5965, 37.9235] }],
    [1, 'Meet there at 8?'],
    [0, '8 it is 👍'],
  ],
  [
    [0, 'Morning! Did you get a chance to look at the Q3 roadmap?'],
    [1, 'Not yet, can you send it again?'],
    [0, { file: 'Q3 roadmap.pdf' }],
    [1, 'Thanks, reading it now'],
    [1, 'Page 4 is great. I’d move search before offline mode though'],
    [0, 'Fair. Search is what people keep asking for'],
    [1, { face: 16 }],
  ],
  [
    [0, 'Coffee?'],
    [1, 'Always ☕'],
    [0, 'Blue Bottle in 10?'],
    [1, { location: ['Blue Bottle Coffee, Mint Plaza', -122.4078, 37.7825] }],
    [1, 'Grabbing a table'],
    [1, { image: 'latte' }],
    [0, 'On my way'],
  ],
  [
    [0, { voice: 7 }],
    [1, 'Ha, got it. I’ll call you after the standup'],
    [0, 'Perfect, talk then'],
    [1, { voice: 4 }],
  ],
  [
    [0, 'Happy birthday!! 🎉🎂'],
    [1, 'Thank you!! 🥳'],
    [0, 'Any plans tonight?'],
    [1, 'Dinner with friends at the new ramen place'],
    [1, { image: 'city', caption: 'The view from the rooftop after' }],
    [0, 'Wow. Have a great one'],
  ],
  [
    [0, 'Can you review the onboarding mockups before Thursday?'],
    [1, 'Sure, send them over'],
    [0, { image: 'mockup' }],
    [0, 'The second screen is the one I’m least sure about'],
    [1, 'I like it. Maybe a bit more contrast on the buttons?'],
    [0, 'Good call, updating now'],
  ],
  [
    [0, { poll: 'Team dinner: pizza or sushi?' }],
    [1, 'Sushi, obviously 🍣'],
    [0, 'Knew it'],
  ],
  [
    [0, 'Running 5 minutes late, sorry!'],
    [1, 'No worries, I’ll order for you'],
    [0, 'You’re the best 🙏'],
  ],
  [
    [0, 'Back from the coast!'],
    [0, { image: 'sea' }],
    [1, 'Jealous. How was the water?'],
    [0, 'Freezing. Worth it.'],
    [1, 'Send more photos'],
  ],
  [
    [0, 'Here’s the budget for the offsite'],
    [0, { file: 'Offsite budget.xlsx' }],
    [1, 'Thanks! Looks like we’re under, nice'],
    [0, 'For once 😅'],
    [1, 'Let’s keep some for the team dinner'],
  ],
  [
    [0, 'I pushed the fix, can you take a look? https://example.com/pr/42'],
    [1, 'Looking'],
    [1, 'LGTM, one nit about naming'],
    [0, 'Fixed, merging'],
    [1, { face: 18 }],
  ],
  [
    [0, 'Camping checklist for next week'],
    [0, { file: 'Packing list.txt' }],
    [1, 'You forgot the marshmallows'],
    [0, 'Never 🔥'],
    [1, { image: 'forest' }],
    [1, 'Found the spot we talked about'],
  ],
  [
    [0, 'Did the package arrive?'],
    [1, 'Yes! Just now. Thank you so much 🎁'],
    [0, 'Open it already'],
    [1, { face: 3 }],
    [1, 'It’s perfect. How did you know?'],
  ],
  [
    [0, 'Standup notes: API freeze Friday, QA Monday, release Wednesday'],
    [1, 'Wednesday is tight'],
    [0, 'Tuesday buffer if we need it'],
    [1, 'OK, I’ll tell the team'],
  ],
  [
    [0, 'Movie tonight?'],
    [1, 'Which one?'],
    [0, 'The new one about the Moon mission 🚀'],
    [1, 'In! 7:30 show?'],
    [0, { location: ['Alamo Drafthouse, Mission St', -122.4194, 37.7559] }],
    [1, 'See you there 🍿'],
  ],
  [
    [0, 'How did the interview go?'],
    [1, 'Really well I think! They asked about the scroll bug we fixed'],
    [0, 'The one where the list jumped on new messages?'],
    [1, 'That one 😂 They loved the story'],
    [0, 'Fingers crossed for you 🤞'],
  ],
];

/** Two-person conversations in Chinese. */
export const CHINESE_SCRIPTS: readonly (readonly ScriptLine[])[] = [
  [
    [0, '周末有空吗？一起去爬山吧'],
    [1, '好啊！几点出发？'],
    [0, '早上八点，地铁站见'],
    [1, { face: 20 }],
    [0, { image: 'forest', caption: '上次拍的，风景很好' }],
    [1, '太美了 😍'],
  ],
  [
    [0, '明天的会议改到下午三点了'],
    [1, '收到，谢谢提醒'],
    [0, { file: '会议纪要.txt' }],
    [1, '好的，我看一下'],
    [0, { voice: 5 }],
  ],
  [
    [0, '晚上一起吃火锅？'],
    [1, '好呀，老地方？'],
    [0, { location: ['海底捞火锅（静安店）', 121.4452, 31.2286] }],
    [1, '七点见 👌'],
  ],
];

/** Group conversations by groupID; speakers index the group's members. */
export const GROUP_SCRIPTS: Record<string, readonly ScriptLine[]> = {
  'design-team': [
    [0, 'Morning team! New mockups for the onboarding flow are up'],
    [0, { image: 'mockup' }],
    [1, 'Love the illustrations'],
    [2, 'Can we try the accent colour on the main button?'],
    [3, '+1, it gets lost on the grey'],
    [0, 'Updated, same link'],
    [4, { face: 18 }],
    [5, 'Ship it 🚀'],
  ],
  'weekend-hikers': [
    [0, 'Who’s in for Saturday?'],
    [2, 'Me!'],
    [3, 'Me too, bringing the dog 🐕'],
    [4, { location: ['Dipsea Trailhead, Mill Valley', -122.5483, 37.9055] }],
    [4, 'Parking fills up by 8:30'],
    [1, { image: 'sunset', caption: 'From last time' }],
    [5, 'Gorgeous'],
    [6, { voice: 5 }],
  ],
  'book-club': [
    [0, '这个月读《三体》怎么样？'],
    [1, '好啊，我一直想读'],
    [3, 'I’m in, I’ll get the English translation'],
    [2, { poll: 'Meet on Friday or Sunday?' }],
    [1, '周日比较方便'],
    [4, 'Sunday works for me too'],
    [0, { face: 16 }],
  ],
  'release-train': [
    [0, 'Release 2.4 branch is cut 🚆'],
    [3, 'Changelog draft:'],
    [3, { file: 'CHANGELOG-2.4.md' }],
    [2, 'Is the build green again?'],
    [4, 'Green on main, one flaky test on Safari'],
    [0, 'Let’s ship tomorrow morning then'],
    [5, 'I’ll write the release notes'],
    [6, { face: 22 }],
  ],
  'lunch-crew': [
    [0, 'Lunch at 12:30?'],
    [1, 'Yes please, I’m starving'],
    [2, 'Ramen?'],
    [3, 'Ramen 🍜'],
    [0, { location: ['Ippudo, Union Square', -122.4064, 37.7879] }],
    [5, 'Save me a seat'],
  ],
};

/** What groups say when they chat on their own, by groupID. */
export const GROUP_CHATTER: Record<string, readonly string[]> = {
  'design-team': [
    'Pushed a new version of the icons',
    'Anyone free for a quick crit at 3?',
    'The dark theme looks so good now',
    'Can someone check the RTL layout on the settings page?',
    'Color tokens are merged 🎉',
    'I’ll bring snacks to the review',
  ],
  'weekend-hikers': [
    'Weather looks perfect for Saturday ☀️',
    'Who has a spare headlamp?',
    'I’ll drive, 3 seats left',
    'Trail report says it’s muddy after the creek',
    'Bringing extra water this time',
  ],
  'book-club': [
    '第二部比第一部精彩多了',
    'No spoilers please, I’m on chapter 12 😅',
    '下次读什么？',
    'I loved the ending',
    '周日我带点心',
  ],
  'release-train': [
    'CI is green ✅',
    'Bumping the version to 2.4.1',
    'Hotfix is out, thanks everyone',
    'Who owns the flaky Safari test?',
    'Release notes are up for review',
    'Deploying to staging now',
  ],
  'lunch-crew': [
    'Tacos today?',
    'I’m in 🌮',
    'Running 10 min late, order without me',
    'That new salad place opened',
    'Coffee after?',
  ],
};

/** Things people say when a message arrives and they answer it. */
export const REPLIES = {
  en: [
    'Sounds good 👍',
    'Haha, exactly',
    'Let me check and get back to you',
    'Oh nice!',
    'Thanks so much!',
    'Sure, when works for you?',
    'Makes sense to me',
    'On it',
    'Totally agree',
    'Interesting, tell me more',
  ],
  zh: ['好的 👌', '收到，谢谢！', '哈哈，是的', '没问题', '我看一下再回复你', '太好了！', '明白了'],
  greeting: { en: (name: string) => `Hi ${name}! 👋`, zh: (name: string) => `${name}，你好！👋` },
  image: {
    en: ['Great photo! 📸', 'Love this one', 'Wow, where was that?', 'Nice shot 😍'],
    zh: ['照片拍得真好！📸', '好美啊', '哇，这是哪里？', '拍得不错 😍'],
  },
  file: {
    en: [
      'Got the file, thanks. I’ll read it today',
      'Thanks, opening it now',
      'Received, will review tonight',
    ],
    zh: ['文件收到了，谢谢', '收到，我现在打开看看', '好的，今晚看完回复你'],
  },
  voice: {
    en: ['Listening now 🎧', 'Ha, I’ll listen on my way', 'Got your voice note'],
    zh: ['我听一下 🎧', '收到语音，等下听', '好的，我听听'],
  },
  location: {
    en: ['See you there!', 'On my way 🚶', 'Perfect, I know the place'],
    zh: ['好，那儿见！', '我这就过去 🚶', '知道那儿，没问题'],
  },
  face: [16, 1, 18, 2, 24],
  question: {
    en: ['Good question. I think so?', 'Not sure yet, I’ll find out', 'Yes!'],
    zh: ['好问题，我觉得可以', '还不确定，我问一下', '是的！'],
  },
} as const;

/** The Tidings account's welcome, for an account's first visit. */
export const WELCOME = {
  en: [
    (name: string) => `Welcome to the Tidings demo, ${name} 👋`,
    () =>
      'Everything here runs in your browser: an embedded chat server, shared by this site’s tabs and saved in IndexedDB.',
    () =>
      'Try it: open a second tab, sign in as someone else, and chat with yourself. Reload either tab and everything is still there.',
    () =>
      'Open Demo controls to load 100,000 conversations, make messages arrive every 100 ms, go offline, or switch theme, language and direction.',
  ],
  zh: [
    (name: string) => `${name}，欢迎体验 Tidings 演示 👋`,
    () => '这里的一切都在浏览器中运行：一个内嵌的聊天服务器，由本站的各个标签页共享，并保存在 IndexedDB 中。',
    () => '试一试：打开第二个标签页，以另一个人的身份登录，和自己聊天。刷新任意一个标签页，数据依然都在。',
    () =>
      '打开“演示控制台”，可加载 10 万个会话、每 100 毫秒收到一条消息、模拟断网，或切换主题、语言和文字方向。',
  ],
} as const;
