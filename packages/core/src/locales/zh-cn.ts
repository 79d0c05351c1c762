/**
 * @tidings/core/locales/zh-cn: the Simplified Chinese string tables. Their own entry so an app that shows
 * only English does not ship them; pass one to `<ChatProvider strings={zhCN}>` (or spread it into your own).
 *
 * @example
 * import { zhCN } from '@tidings/core/locales/zh-cn';
 * <ChatProvider store={store} strings={zhCN}>…</ChatProvider>
 */
export { zhCNForward } from '../format/format-strings-forward';
export { zhCN, zhCNChat, zhCNInbox } from '../format/format-strings-zh-cn';
