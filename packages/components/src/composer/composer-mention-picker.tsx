import { AT_ALL } from '@tidings/core';
import { useEffect, useRef } from 'react';
import { Avatar } from '../avatar/index';
import { useChatConfig } from '../chat-provider/index';
import type { UseComposerMentionReturn } from './composer-mention';

/** Props of {@link ComposerMentionPicker}. */
export interface ComposerMentionPickerProps {
  /** The state of {@link useComposerMention}. */
  mention: UseComposerMentionReturn;
}

/**
 * The member picker that `@` opens above a group composer: "Everyone" for owners and admins, then the
 * members matching the name typed, each with avatar, name and role. The field keeps focus and points at
 * the active choice (`aria-activedescendant`); a click picks without taking focus from it.
 *
 * DOM: `div.tidings-composer-mentions[role=listbox]` > `div.tidings-composer-mention[role=option]` per
 * choice (`aria-selected` on the active one), or a `p.tidings-composer-mentions-note` (loading, none).
 *
 * Data attributes: on a choice `data-all` (Everyone).
 */
export function ComposerMentionPicker({ mention }: ComposerMentionPickerProps) {
  const { strings } = useChatConfig();
  const listRef = useRef<HTMLDivElement>(null);
  const { options, activeIndex, ids, status } = mention;

  useEffect(() => {
    const active = listRef.current?.querySelector<HTMLElement>(`#${CSS.escape(ids.optionID(activeIndex))}`);
    active?.scrollIntoView?.({ block: 'nearest' });
  }, [activeIndex, ids]);

  if (!mention.isOpen) return null;
  const note =
    options.length > 0
      ? null
      : status === 'loading' || status === 'idle'
        ? strings.loadingMembers
        : strings.noMembersFound;
  return (
    <div className="tidings-composer-mentions-popover">
      {note ? (
        <p className="tidings-composer-mentions-note" role="status">
          {note}
        </p>
      ) : (
        <div
          ref={listRef}
          id={ids.listbox}
          className="tidings-composer-mentions"
          role="listbox"
          aria-label={strings.mentionPicker}
          onScroll={mention.onListScroll}
        >
          {options.map((option, index) => (
            <div
              key={option.userID}
              id={ids.optionID(index)}
              role="option"
              className="tidings-composer-mention"
              aria-selected={index === activeIndex}
              data-all={option.userID === AT_ALL ? '' : undefined}
              // The field keeps focus (and the caret) while the pointer picks.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => mention.pick(option)}
            >
              {option.userID === AT_ALL ? (
                <span className="tidings-composer-mention-all" aria-hidden="true">
                  @
                </span>
              ) : (
                <Avatar
                  src={option.faceUrl}
                  name={option.name}
                  colorKey={`c2c_${option.userID}`}
                  size={28}
                  decorative
                />
              )}
              <span className="tidings-composer-mention-name" dir="auto">
                {option.name}
              </span>
              <span className="tidings-composer-mention-role">
                {option.userID === AT_ALL
                  ? strings.mentionAllHint
                  : option.role
                    ? strings.memberRole(option.role)
                    : ''}
              </span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
