import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ChatContext, type ChatContextValue, type ChatRenderErrorInfo } from './chat-provider-context';

/** Props of {@link ChatRenderBoundary}. */
export interface ChatRenderBoundaryProps {
  /** What this boundary guards, reported to the provider's `onError`. */
  part: ChatRenderErrorInfo['part'];
  /** The guarded row's `msgID` or `conversationID`, reported to `onError`. */
  id?: string | undefined;
  /**
   * When this changes (a new message object, another conversation), a failed part renders again: the
   * data that broke it may have been corrected.
   */
  resetKey?: unknown;
  /** Shown in place of the children once they have failed. */
  fallback: ReactNode;
  /** The part to guard. */
  children?: ReactNode | undefined;
}

interface ChatRenderBoundaryState {
  failed: boolean;
  resetKey: unknown;
}

/**
 * An error boundary for one message, one conversation row or one list: a part that throws while it
 * renders (a malformed element from a peer, an app renderer's bug) shows `fallback` instead, the rest of
 * the UI keeps working, and the provider's `onError` is told.
 *
 * @example
 * <ChatRenderBoundary part="message" id={msgID} resetKey={message} fallback={<p>This message can’t be shown</p>}>
 *   <MessageContent message={message} />
 * </ChatRenderBoundary>
 */
export class ChatRenderBoundary extends Component<ChatRenderBoundaryProps, ChatRenderBoundaryState> {
  static override contextType = ChatContext;
  declare context: ChatContextValue | null;

  override state: ChatRenderBoundaryState = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<ChatRenderBoundaryState> {
    return { failed: true };
  }

  static getDerivedStateFromProps(
    props: ChatRenderBoundaryProps,
    state: ChatRenderBoundaryState,
  ): Partial<ChatRenderBoundaryState> | null {
    return Object.is(props.resetKey, state.resetKey) ? null : { failed: false, resetKey: props.resetKey };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    const { part, id } = this.props;
    try {
      this.context?.onError?.(error, { part, id, componentStack: info.componentStack ?? undefined });
    } catch {
      // The app's error hook failing must not take the fallback down with it.
    }
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
