import type { CustomElem } from '@tidings/core';
import { useMemo } from 'react';
import { useChatStrings } from '../chat-provider/index';
import {
  type CustomElemProps,
  type MessageElemProps,
  useMessageContentOptions,
} from './message-content-context';

/**
 * A custom element's `data` parsed: the JSON value (or the raw string when it is not JSON) and its
 * `businessID` discriminator when it is an object that has one.
 *
 * @example
 * parseCustomData('{"businessID":"order","id":7}'); // { businessID: 'order', data: { businessID: 'order', id: 7 } }
 */
export function parseCustomData(data: string): { businessID: string | null; data: unknown } {
  try {
    const value: unknown = JSON.parse(data);
    const businessID =
      typeof value === 'object' && value !== null && 'businessID' in value
        ? (value as { businessID: unknown }).businessID
        : null;
    return { businessID: typeof businessID === 'string' ? businessID : null, data: value };
  } catch {
    return { businessID: null, data };
  }
}

/** The default renderer of a custom element: its description (or `[Custom message]`) in a quiet card. */
export function MessageCustomFallback({ elem }: CustomElemProps) {
  const strings = useChatStrings();
  return (
    <p className="tidings-message-custom" dir="auto">
      {elem.description || strings.previewCustom}
    </p>
  );
}

/**
 * A custom element: the renderer registered for its `businessID` (`renderers.custom[businessID]`), else
 * `renderers.customFallback`, else its description.
 */
export function MessageCustom(props: MessageElemProps<CustomElem>) {
  const { renderers } = useMessageContentOptions();
  const parsed = useMemo(() => parseCustomData(props.elem.data), [props.elem.data]);
  const registered =
    parsed.businessID !== null && renderers?.custom && Object.hasOwn(renderers.custom, parsed.businessID)
      ? renderers.custom[parsed.businessID]
      : undefined;
  const Renderer = registered ?? renderers?.customFallback ?? MessageCustomFallback;
  return <Renderer {...props} businessID={parsed.businessID} data={parsed.data} />;
}
