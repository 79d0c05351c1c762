/**
 * Message actions: a message's menu (reply, copy, download, forward, select, recall, resend, delete).
 * Main files: `message-actions.tsx`, `use-message-actions.ts`. May import `@tidings/core`, React and
 * sibling folders through their index.
 */
export { MessageActions, type MessageActionsProps } from './message-actions';
export {
  copyableText,
  type MessageAction,
  type MessageActionID,
  type UseMessageActionsOptions,
  type UseMessageActionsReturn,
  useMessageActions,
} from './use-message-actions';
