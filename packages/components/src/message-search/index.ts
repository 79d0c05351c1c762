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
