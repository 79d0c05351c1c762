/**
 * Message search: a search field over the messages with type and sender filters, results grouped by
 * conversation. Main files: `message-search.tsx`, `use-message-search.ts`, `message-search-result.tsx`. May
 * import `@tidings/core`, React and sibling folders through their index.
 */
export { MessageSearch, type MessageSearchProps } from './message-search';
export { type HighlightPart, splitMatches } from './message-search-highlight';
export {
  Highlighted,
  MessageSearchGroup,
  type MessageSearchGroupProps,
  MessageSearchResult,
  type MessageSearchResultProps,
} from './message-search-result';
export {
  DEFAULT_SEARCH_TYPES,
  type MessageSearchHit,
  type MessageSearchStatus,
  type UseMessageSearchOptions,
  type UseMessageSearchReturn,
  useMessageSearch,
} from './use-message-search';
