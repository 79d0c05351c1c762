/**
 * The demo app's own words: its chrome (sign-in, rail, dialogs, the demo controls). Everything the kit
 * shows comes from the kit's `en` / `zhCN` tables; these tables only add what an app around it says.
 */
export interface DemoStrings {
  appName: string;
  tagline: string;

  // Sign-in
  signInTitle: string;
  signInAs: string;
  signInNewName: string;
  signInNewNamePlaceholder: string;
  signInNewNameHint: string;
  signInJoin: string;
  signInTabHint: string;
  signInOpenElsewhere: string;
  signingIn: (name: string) => string;
  signInFailed: string;
  /** Signing in failed because the tab that runs the shared hub stopped answering: what to do. */
  signInHubStopped: string;
  preparingWorld: string;
  seedingLoad: (count: string) => string;
  /** The load is being written: for how long so far, so a long wait does not look stuck. */
  seedingLoadProgress: (count: string, seconds: string) => string;

  // Sign-in on Tencent Cloud Chat
  tencentChoice: string;
  tencentChoiceHint: string;
  tencentTitle: string;
  tencentIntro: string;
  tencentAppID: string;
  tencentUserID: string;
  tencentUserSig: string;
  tencentUserSigHint: string;
  tencentSignIn: string;
  tencentBack: string;
  tencentSigningIn: string;
  tencentDevTitle: string;
  tencentDevWarning: string;
  tencentSecretKey: string;
  tencentGenerate: string;
  tencentGenerated: string;
  tencentGenerateFailed: (reason: string) => string;
  tencentBadAppID: string;
  tencentBadUserID: string;
  tencentMissingUserSig: string;
  tencentTimeout: (seconds: number) => string;
  tencentOffline: string;
  tencentLoginFailed: (reason: string) => string;
  tencentNoInstance: string;
  tencentSignOut: string;

  // Rail and account
  mainNavigation: string;
  chats: string;
  searchTab: string;
  demoControls: string;
  account: (name: string) => string;
  signedInAs: (name: string) => string;
  switchUser: string;

  // Inbox
  newChat: string;
  newGroup: string;
  inboxActions: string;
  offline: string;
  offlineHint: string;
  connecting: string;

  // Chat view
  chatDetails: string;
  members: (count: number) => string;
  directMessage: string;
  onlineNow: string;
  searchInChat: string;
  searchingIn: (name: string) => string;
  searchEverywhere: string;
  emptyChatTitle: string;
  emptyChatHint: string;

  // Dialogs
  newChatTitle: string;
  newChatHint: string;
  userIDLabel: string;
  userIDPlaceholder: string;
  startChat: string;
  newGroupTitle: string;
  groupNameLabel: string;
  groupNamePlaceholder: string;
  groupMembersLabel: string;
  createGroup: string;
  groupNeedsMembers: string;
  unknownUser: (userID: string) => string;

  // Demo controls
  controlsTitle: string;
  controlsIntro: string;
  appearance: string;
  theme: string;
  themeLight: string;
  themeDark: string;
  themeSystem: string;
  language: string;
  direction: string;
  directionLtr: string;
  directionRtl: string;
  load: string;
  loadHint: string;
  loadNone: string;
  loadConversations: (count: string) => string;
  traffic: string;
  trafficHint: string;
  trafficOff: string;
  trafficEvery: (ms: number) => string;
  world: string;
  botsReply: string;
  botsReplyHint: string;
  groupChatter: string;
  groupChatterHint: string;
  network: string;
  networkHint: string;
  online: string;
  latency: string;
  latencyNone: string;
  latencyMs: (ms: number) => string;
  failureRate: string;
  failureNone: string;
  failurePercent: (percent: number) => string;
  resetDemo: string;
  resetDemoHint: string;
  resetDemoConfirm: string;
  worldLeader: string;
  worldFollower: string;
}

const enPlural = (count: number, one: string, many: string) =>
  `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

/** English. */
export const demoEn: DemoStrings = {
  appName: 'Tidings',
  tagline: 'A fast, correct, accessible chat UI kit',

  signInTitle: 'Sign in to the demo',
  signInAs: 'Pick someone to be',
  signInNewName: 'Or join with a new name',
  signInNewNamePlaceholder: 'Your name',
  signInNewNameHint: 'Letters, digits, spaces, dots, dashes and underscores.',
  signInJoin: 'Join',
  signInTabHint:
    'Each tab is one person. Open a second tab, sign in as someone else, and the two of you chat live.',
  signInOpenElsewhere: 'Open in another tab',
  signingIn: (name) => `Signing in as ${name}…`,
  signInFailed: 'Couldn’t sign in. Reload the page, then try again.',
  signInHubStopped:
    'Couldn’t sign in: the other Tidings tab that runs the demo’s chat server stopped answering. Close or reload the other Tidings tabs, then try again.',
  preparingWorld: 'Setting up the demo world…',
  seedingLoad: (count) => `Creating ${count} conversations…`,
  seedingLoadProgress: (count, seconds) => `Creating ${count} conversations… ${seconds} s so far`,

  tencentChoice: 'Tencent Cloud Chat',
  tencentChoiceHint: 'Or sign in to your own Tencent Cloud Chat app and see your real conversations.',
  tencentTitle: 'Sign in to Tencent Cloud Chat',
  tencentIntro:
    'Your app’s SDKAppID, a user ID and a UserSig signed for it by your server. Tidings then shows that user’s real conversations.',
  tencentAppID: 'SDKAppID',
  tencentUserID: 'User ID',
  tencentUserSig: 'UserSig',
  tencentUserSigHint: 'Signed by your server with the app’s secret key (tls-sig-api-v2).',
  tencentSignIn: 'Sign in',
  tencentBack: 'Back',
  tencentSigningIn: 'Connecting to Tencent Cloud Chat…',
  tencentDevTitle: 'Development only: make a test UserSig from the secret key',
  tencentDevWarning:
    'Never ship the secret key: anyone who has it can sign in as any user of your app. This signs in this browser only, for trying things out, as Tencent’s own demos do; the key is neither stored nor sent.',
  tencentSecretKey: 'Secret key',
  tencentGenerate: 'Generate a test UserSig',
  tencentGenerated: 'Test UserSig generated (valid 7 days).',
  tencentGenerateFailed: (reason) => `Couldn’t generate a UserSig: ${reason}`,
  tencentBadAppID: 'The SDKAppID is the number shown in the Tencent Cloud Chat console.',
  tencentBadUserID: 'The user ID is 1–32 letters, digits, underscores or dashes.',
  tencentMissingUserSig: 'Enter a UserSig, or generate a test one below.',
  tencentTimeout: (seconds) =>
    `Couldn’t reach Tencent Cloud Chat within ${seconds} seconds. Check the network connection, then try again or go back.`,
  tencentOffline:
    'Couldn’t reach Tencent Cloud Chat: its servers can’t be reached from this network. Check the connection, then try again or go back.',
  tencentLoginFailed: (reason) => `Tencent Cloud Chat refused the sign-in: ${reason}`,
  tencentNoInstance: 'The Tencent Cloud Chat SDK could not be created with this SDKAppID.',
  tencentSignOut: 'Sign out of Tencent Cloud Chat',

  mainNavigation: 'Main',
  chats: 'Chats',
  searchTab: 'Search',
  demoControls: 'Demo controls',
  account: (name) => `Account: ${name}`,
  signedInAs: (name) => `Signed in as ${name}`,
  switchUser: 'Sign out',

  newChat: 'New chat',
  newGroup: 'New group',
  inboxActions: 'Chat list actions',
  offline: 'You’re offline',
  offlineHint: 'Messages you send now will fail until you’re back online.',
  connecting: 'Connecting…',

  chatDetails: 'Chat details',
  members: (count) => enPlural(count, 'member', 'members'),
  directMessage: 'Direct message',
  onlineNow: 'Online',
  searchInChat: 'Search in this chat',
  searchingIn: (name) => `In the chat with ${name}`,
  searchEverywhere: 'Search all chats',
  emptyChatTitle: 'Pick a chat',
  emptyChatHint: 'Choose a conversation on the left, or start a new one.',

  newChatTitle: 'New chat',
  newChatHint: 'Pick a person, or type a user ID.',
  userIDLabel: 'User ID',
  userIDPlaceholder: 'e.g. heidi',
  startChat: 'Start chat',
  newGroupTitle: 'New group',
  groupNameLabel: 'Group name',
  groupNamePlaceholder: 'e.g. Friday lunch',
  groupMembersLabel: 'Members',
  createGroup: 'Create group',
  groupNeedsMembers: 'Pick at least one member.',
  unknownUser: (userID) => `There is no user “${userID}”.`,

  controlsTitle: 'Demo controls',
  controlsIntro: 'Everything here runs in your browser: an embedded chat server shared by this site’s tabs.',
  appearance: 'Appearance',
  theme: 'Theme',
  themeLight: 'Light',
  themeDark: 'Dark',
  themeSystem: 'System',
  language: 'Language',
  direction: 'Direction',
  directionLtr: 'Left to right',
  directionRtl: 'Right to left',
  load: 'Load',
  loadHint: 'Adds conversations to every account. Each size is its own world; switching reloads the tabs.',
  loadNone: 'Demo world',
  loadConversations: (count) => `${count} conversations`,
  traffic: 'Incoming messages',
  trafficHint: 'Messages from other people, arriving to every signed-in tab.',
  trafficOff: 'Off',
  trafficEvery: (ms) => (ms >= 1000 ? `Every ${ms / 1000} s` : `Every ${ms} ms`),
  world: 'People',
  botsReply: 'People reply',
  botsReplyHint: 'Anyone not signed in in a tab answers your messages after typing for a moment.',
  groupChatter: 'Groups chat on their own',
  groupChatterHint: 'Members post to their groups now and then.',
  network: 'Network of this tab',
  networkHint: 'Trouble here shows as syncing, offline and failed-send states.',
  online: 'Online',
  latency: 'Latency',
  latencyNone: 'None',
  latencyMs: (ms) => `${ms.toLocaleString('en')} ms`,
  failureRate: 'Failed requests',
  failureNone: 'None',
  failurePercent: (percent) => `${percent}%`,
  resetDemo: 'Reset the demo',
  resetDemoHint: 'Deletes every message and account of this demo from this browser.',
  resetDemoConfirm: 'Delete all demo data in this browser and start over?',
  worldLeader: 'This tab runs the embedded server.',
  worldFollower: 'Another tab runs the embedded server; this one connects to it.',
};

/** Simplified Chinese. */
export const demoZhCN: DemoStrings = {
  appName: 'Tidings',
  tagline: '快速、准确、无障碍的聊天 UI 组件库',

  signInTitle: '登录演示',
  signInAs: '选择一个身份',
  signInNewName: '或使用新名字加入',
  signInNewNamePlaceholder: '你的名字',
  signInNewNameHint: '可使用字母、数字、空格、点、短横线和下划线。',
  signInJoin: '加入',
  signInTabHint: '每个标签页代表一个人。打开第二个标签页，以另一个人的身份登录，两人即可实时聊天。',
  signInOpenElsewhere: '已在其他标签页打开',
  signingIn: (name) => `正在以 ${name} 的身份登录…`,
  signInFailed: '登录失败。请刷新页面后重试。',
  signInHubStopped:
    '登录失败：运行演示聊天服务器的另一个 Tidings 标签页没有响应。请关闭或刷新其他 Tidings 标签页，然后重试。',
  preparingWorld: '正在准备演示数据…',
  seedingLoad: (count) => `正在创建 ${count} 个会话…`,
  seedingLoadProgress: (count, seconds) => `正在创建 ${count} 个会话… 已用 ${seconds} 秒`,

  tencentChoice: '腾讯云即时通信 IM',
  tencentChoiceHint: '或登录你自己的腾讯云 IM 应用，查看真实的会话。',
  tencentTitle: '登录腾讯云即时通信 IM',
  tencentIntro:
    '填写应用的 SDKAppID、用户 ID，以及由你的服务器为该用户签发的 UserSig。Tidings 随即显示该用户的真实会话。',
  tencentAppID: 'SDKAppID',
  tencentUserID: '用户 ID',
  tencentUserSig: 'UserSig',
  tencentUserSigHint: '由你的服务器使用应用密钥签发（tls-sig-api-v2）。',
  tencentSignIn: '登录',
  tencentBack: '返回',
  tencentSigningIn: '正在连接腾讯云 IM…',
  tencentDevTitle: '仅限开发：用密钥生成测试 UserSig',
  tencentDevWarning:
    '切勿在发布的应用中包含密钥：拿到密钥的人可以以你应用中任何用户的身份登录。此功能仅在本浏览器中用于试用，与腾讯官方示例相同；密钥不会被保存或发送。',
  tencentSecretKey: '密钥',
  tencentGenerate: '生成测试 UserSig',
  tencentGenerated: '已生成测试 UserSig（7 天内有效）。',
  tencentGenerateFailed: (reason) => `无法生成 UserSig：${reason}`,
  tencentBadAppID: 'SDKAppID 是腾讯云 IM 控制台中显示的数字。',
  tencentBadUserID: '用户 ID 为 1–32 个字母、数字、下划线或短横线。',
  tencentMissingUserSig: '请填写 UserSig，或在下方生成测试用的 UserSig。',
  tencentTimeout: (seconds) => `${seconds} 秒内无法连接腾讯云 IM。请检查网络后重试，或返回。`,
  tencentOffline: '无法连接腾讯云 IM：当前网络无法访问其服务器。请检查网络后重试，或返回。',
  tencentLoginFailed: (reason) => `腾讯云 IM 拒绝了登录：${reason}`,
  tencentNoInstance: '无法使用此 SDKAppID 创建腾讯云 IM SDK。',
  tencentSignOut: '退出腾讯云 IM',

  mainNavigation: '主导航',
  chats: '聊天',
  searchTab: '搜索',
  demoControls: '演示控制台',
  account: (name) => `账号：${name}`,
  signedInAs: (name) => `当前登录：${name}`,
  switchUser: '退出登录',

  newChat: '发起聊天',
  newGroup: '创建群聊',
  inboxActions: '会话列表操作',
  offline: '网络已断开',
  offlineHint: '恢复联网前，发送的消息会失败。',
  connecting: '连接中…',

  chatDetails: '聊天信息',
  members: (count) => `${count} 位成员`,
  directMessage: '单聊',
  onlineNow: '在线',
  searchInChat: '搜索聊天记录',
  searchingIn: (name) => `在与 ${name} 的聊天中`,
  searchEverywhere: '搜索全部聊天',
  emptyChatTitle: '选择一个聊天',
  emptyChatHint: '从左侧选择会话，或发起新的聊天。',

  newChatTitle: '发起聊天',
  newChatHint: '选择联系人，或输入用户 ID。',
  userIDLabel: '用户 ID',
  userIDPlaceholder: '例如 heidi',
  startChat: '开始聊天',
  newGroupTitle: '创建群聊',
  groupNameLabel: '群名称',
  groupNamePlaceholder: '例如 周五午餐',
  groupMembersLabel: '成员',
  createGroup: '创建',
  groupNeedsMembers: '请至少选择一位成员。',
  unknownUser: (userID) => `用户“${userID}”不存在。`,

  controlsTitle: '演示控制台',
  controlsIntro: '一切都在浏览器中运行：本站各标签页共享一个内嵌的聊天服务器。',
  appearance: '外观',
  theme: '主题',
  themeLight: '浅色',
  themeDark: '深色',
  themeSystem: '跟随系统',
  language: '语言',
  direction: '文字方向',
  directionLtr: '从左到右',
  directionRtl: '从右到左',
  load: '负载',
  loadHint: '为每个账号添加会话。每种规模是独立的数据集，切换后所有标签页会重新加载。',
  loadNone: '演示数据',
  loadConversations: (count) => `${count} 个会话`,
  traffic: '新消息',
  trafficHint: '其他人发来的消息，送达每个已登录的标签页。',
  trafficOff: '关闭',
  trafficEvery: (ms) => (ms >= 1000 ? `每 ${ms / 1000} 秒` : `每 ${ms} 毫秒`),
  world: '联系人',
  botsReply: '自动回复',
  botsReplyHint: '没有在标签页中登录的人，会在“正在输入”片刻后回复你。',
  groupChatter: '群成员自动聊天',
  groupChatterHint: '群成员不时在群里发言。',
  network: '本标签页的网络',
  networkHint: '网络问题会显示为同步中、离线和发送失败状态。',
  online: '在线',
  latency: '延迟',
  latencyNone: '无',
  latencyMs: (ms) => `${ms} 毫秒`,
  failureRate: '请求失败率',
  failureNone: '无',
  failurePercent: (percent) => `${percent}%`,
  resetDemo: '重置演示',
  resetDemoHint: '删除本浏览器中此演示的所有消息和账号。',
  resetDemoConfirm: '删除本浏览器中的所有演示数据并重新开始？',
  worldLeader: '此标签页运行内嵌服务器。',
  worldFollower: '另一个标签页运行内嵌服务器，此标签页与之连接。',
};
