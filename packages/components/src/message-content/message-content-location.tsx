import type { LocationElem } from '@tidings/core';
import { useChatConfig, useSafeUrl } from '../chat-provider/index';
import { LocationIcon } from '../icons/index';
import { type MessageElemProps, useMessageContentOptions } from './message-content-context';

/**
 * Coordinates as people read them, `37.7749° N, 122.4194° W`, with locale digits.
 *
 * @example
 * formatCoordinates(37.7749, -122.4194); // '37.7749° N, 122.4194° W'
 */
export function formatCoordinates(latitude: number, longitude: number, locale = 'en'): string {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 4, minimumFractionDigits: 0 });
  const lat = `${number.format(Math.abs(latitude))}° ${latitude < 0 ? 'S' : 'N'}`;
  const lon = `${number.format(Math.abs(longitude))}° ${longitude < 0 ? 'W' : 'E'}`;
  return `${lat}, ${lon}`;
}

/**
 * A location: a pin, its description and coordinates; a link to a map when the list has a
 * `mapLinkBuilder` whose link the URL policy allows (purpose `map`; no link otherwise).
 *
 * DOM: `div.tidings-message-location` (or `a` with a map link) > icon + description + coordinates.
 */
export function MessageLocation({ elem }: MessageElemProps<LocationElem>) {
  const { strings, locale } = useChatConfig();
  const { mapLinkBuilder } = useMessageContentOptions();
  const built = mapLinkBuilder?.(elem);
  const href = useSafeUrl(built, 'map');
  const coordinates = formatCoordinates(elem.latitude, elem.longitude, locale);
  const body = (
    <>
      <span className="tidings-message-location-icon" aria-hidden="true">
        <LocationIcon size={22} />
      </span>
      <span className="tidings-message-location-text">
        <span className="tidings-message-location-description" dir="auto">
          {elem.description || coordinates}
        </span>
        {elem.description && (
          // Always written N/S/E/W in Latin: isolated left to right, or rtl pages reorder its numbers.
          <span className="tidings-message-location-coordinates" dir="ltr">
            {coordinates}
          </span>
        )}
        {href && <span className="tidings-message-location-open">{strings.openInMaps}</span>}
      </span>
    </>
  );
  return href ? (
    <a className="tidings-message-location" href={href} target="_blank" rel="noopener noreferrer nofollow">
      {body}
    </a>
  ) : (
    <div className="tidings-message-location">{body}</div>
  );
}
