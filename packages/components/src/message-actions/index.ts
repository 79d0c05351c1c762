export { MessageActions, type MessageActionsProps } from './message-actions';
export {
  copyableText,
  type MessageAction,
  type MessageActionID,
  type UseMessageActionsOptions,
  type UseMessageActionsReturn,
  useMessageActions,
} from './use-message-actions';
