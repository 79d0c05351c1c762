/**
 * @tidings/core/schema: the message element schema, for engines and adapters that take messages in (check
 * what is sent, normalise what is received). Its own entry because the store and the UI never need it: an
 * app that only shows conversations does not ship it.
 *
 * @example
 * import { findOutgoingMessageProblem, normaliseMessage } from '@tidings/core/schema';
 * const message = normaliseMessage(payload); // never throws; unusable elements become placeholders
 */
export {
  createUnsupportedElem,
  findElemProblem,
  findMessageProblem,
  findOutgoingMessageProblem,
  isUnsupportedElem,
  MAX_MERGER_DEPTH,
  MAX_TIMESTAMP,
  normaliseElem,
  normaliseMessage,
  type SchemaProblem,
  UNSUPPORTED_ELEM_EXTENSION,
} from '../model/message-schema';
