import type { CustomElemProps } from '@tidings/components';

interface PollData {
  question?: unknown;
  options?: unknown;
}

/**
 * A poll card: how an app shows its own custom messages, registered with the kit's renderer registry by
 * the `businessID` in the element's data (`renderers={{ custom: { poll: ChatPoll } }}`).
 */
export function ChatPoll({ data, elem }: CustomElemProps) {
  const poll = (typeof data === 'object' && data !== null ? data : {}) as PollData;
  const question = typeof poll.question === 'string' ? poll.question : elem.description;
  const options = Array.isArray(poll.options)
    ? poll.options.filter((o): o is string => typeof o === 'string')
    : [];
  return (
    <figure className="demo-poll">
      <figcaption className="demo-poll-question" dir="auto">
        <span aria-hidden="true">📊 </span>
        {question}
      </figcaption>
      {options.length > 0 && (
        <ul className="demo-poll-options">
          {options.map((option) => (
            <li key={option} dir="auto">
              {option}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
