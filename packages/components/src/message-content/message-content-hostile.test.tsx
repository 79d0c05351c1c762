import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FileElem, ImageElem, Message, SoundElem, UrlPolicy, VideoElem } from '@tidings/core';
import { createTestMessage } from '@tidings/core/testing';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Avatar } from '../avatar/index';
import { ChatProvider } from '../chat-provider/index';
import { MessageActions } from '../message-actions/index';
import { createMessageListFixture, type MessageListFixture } from '../message-list/message-list-fixtures';
import { MessageContent, saveMediaElem } from './index';

// What a hostile peer puts into a media element's url: script, an SVG that runs script when opened as a
// document, and an obfuscated scheme the URL parser would silently repair.
const SCRIPT = 'javascript:window.__pwned=1';
const SVG = 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>';
const OBFUSCATED = 'java\tscript:window.__pwned=1';

const fileElem = (url: string): FileElem => ({
  type: 'file',
  uuid: `file-${url.length}`,
  url,
  fileName: 'invoice.pdf',
  mimeType: 'application/pdf',
  fileSize: 2048,
});
const imageElem = (url: string, thumbUrl = url): ImageElem => ({
  type: 'image',
  uuid: `img-${url.length}`,
  url,
  thumbUrl,
  width: 400,
  height: 300,
  fileSize: 2048,
  fileName: 'cat.png',
  mimeType: 'image/png',
});
const videoElem = (url: string, snapshotUrl: string): VideoElem => ({
  type: 'video',
  uuid: `vid-${url.length}`,
  url,
  videoType: 'mp4',
  mimeType: 'video/mp4',
  fileSize: 2048,
  duration: 12,
  snapshotUuid: `snap-${url.length}`,
  snapshotUrl,
  snapshotWidth: 320,
  snapshotHeight: 180,
});
const soundElem = (url: string): SoundElem => ({
  type: 'sound',
  uuid: `snd-${url.length}`,
  url,
  fileSize: 2048,
  mimeType: 'audio/ogg',
  duration: 5,
});

describe('hostile URLs in messages', () => {
  let fixture: MessageListFixture;
  beforeAll(async () => {
    fixture = await createMessageListFixture({});
  });
  afterAll(() => fixture.close());
  afterEach(() => vi.restoreAllMocks());

  const wrap = (children: ReactNode, urlPolicy?: UrlPolicy) => (
    <ChatProvider store={fixture.store} {...(urlPolicy && { urlPolicy })}>
      {children}
    </ChatProvider>
  );
  const received = (elem: Message['elemList'][number]) =>
    createTestMessage({ conversationID: fixture.conversationID, isSelf: false, elemList: [elem] });

  /** Every anchor the kit clicks (a download goes through a hidden `<a>`), with its href. */
  function spyClickedLinks(): string[] {
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.getAttribute('href') ?? '');
    });
    return clicked;
  }

  it.each([SCRIPT, OBFUSCATED, SVG, 'vbscript:msgbox(1)', '//evil.example/x.pdf'])(
    'pressing Download on a file whose url is %j saves nothing and runs nothing',
    async (url) => {
      const clicked = spyClickedLinks();
      const downloadElem = vi.spyOn(fixture.alice, 'downloadElem');
      render(wrap(<MessageContent message={received(fileElem(url))} />));
      const file = screen.getByRole('group', { name: /invoice\.pdf/ });
      const button = within(file).getByRole('button', { name: /Download invoice\.pdf/ });
      await userEvent.click(button);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(clicked).toEqual([]);
      expect(downloadElem).not.toHaveBeenCalled();
      expect(button).toBeDisabled();
      expect(file).toHaveTextContent('Blocked: unsafe address');
    },
  );

  it('saveMediaElem refuses a javascript: url with a typed error and clicks no link', async () => {
    const clicked = spyClickedLinks();
    await expect(saveMediaElem(fixture.alice, fileElem(SCRIPT), 'x.pdf')).rejects.toMatchObject({
      name: 'ChatError',
      code: 'INVALID_PARAMETER',
    });
    expect(clicked).toEqual([]);
  });

  it('"Download" in the message actions of a picture with a javascript: url is not offered', async () => {
    const clicked = spyClickedLinks();
    const message = { ...received(imageElem(SCRIPT)), status: 'sent' as const };
    render(wrap(<MessageActions message={message} />));
    await userEvent.click(screen.getByRole('button', { name: 'Message actions' }));
    const menu = screen.getByRole('menu', { name: 'Message actions' });
    expect(within(menu).queryByRole('menuitem', { name: 'Download' })).toBeNull();
    expect(clicked).toEqual([]);
  });

  it('a picture never gets a javascript: or data:image/svg+xml source, and says it is blocked', async () => {
    render(wrap(<MessageContent message={received(imageElem(SVG, SCRIPT))} />));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByRole('img', { name: 'Image, cat.png: Blocked: unsafe address' })).toBeInTheDocument();
  });

  it('a video never gets a javascript: source or a data:image/svg+xml snapshot', async () => {
    render(wrap(<MessageContent message={received(videoElem(SCRIPT, SVG))} />));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.querySelector('img, video')).toBeNull();
    expect(screen.queryByRole('button', { name: /Play/ })).toBeNull();
    expect(screen.getByRole('img', { name: 'Video, 0:12: Blocked: unsafe address' })).toBeInTheDocument();
  });

  it('a voice message never plays a javascript: url', async () => {
    const sources: unknown[] = [];
    vi.spyOn(window, 'Audio').mockImplementation(((src?: string) => {
      sources.push(src);
      return document.createElement('audio');
    }) as unknown as typeof Audio);
    render(wrap(<MessageContent message={received(soundElem(SCRIPT))} />));
    const voice = screen.getByRole('group', { name: /Voice message/ });
    const play = within(voice).getByRole('button', { name: 'Play' });
    await userEvent.click(play).catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sources).toEqual([]);
    expect(play).toBeDisabled();
    expect(voice).toHaveTextContent('Blocked: unsafe address');
  });

  it('an https picture from a host the app does not allow is blocked; one from its CDN shows', async () => {
    const onlyOurCdn: UrlPolicy = (url) => url.hostname.endsWith('.mycdn.example');
    const { unmount } = render(
      wrap(<MessageContent message={received(imageElem('https://evil.example/cat.png'))} />, onlyOurCdn),
    );
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByRole('img', { name: /Blocked: unsafe address/ })).toBeInTheDocument();
    unmount();
    render(
      wrap(<MessageContent message={received(imageElem('https://img.mycdn.example/cat.png'))} />, onlyOurCdn),
    );
    await waitFor(() =>
      expect(document.querySelector('img')).toHaveAttribute('src', 'https://img.mycdn.example/cat.png'),
    );
  });

  it('a link in a text is a link only when the policy allows it; otherwise it stays text', () => {
    const text = 'see https://evil.example/x and https://docs.mycdn.example/y';
    const policy: UrlPolicy = (url) => url.hostname.endsWith('.mycdn.example');
    render(wrap(<MessageContent message={received({ type: 'text', text })} />, policy));
    expect(screen.getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual([
      'https://docs.mycdn.example/y',
    ]);
    expect(screen.getByText(/https:\/\/evil\.example\/x/)).toBeInTheDocument();
  });

  it('a location whose map link the policy refuses is not a link', () => {
    const policy: UrlPolicy = (url, purpose) => purpose !== 'map' || url.hostname === 'maps.example';
    render(
      wrap(
        <MessageContent
          message={received({ type: 'location', description: 'Cafe', longitude: 1, latitude: 2 })}
          options={{ mapLinkBuilder: () => 'https://evil.example/?q=1,2' }}
        />,
        policy,
      ),
    );
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('Cafe')).toBeInTheDocument();
  });

  it('an avatar whose url is javascript: or data:image/svg+xml shows initials, never an image', () => {
    render(
      <>
        <Avatar src={SCRIPT} name="Eve Evil" />
        <Avatar src={SVG} name="Mallory" />
      </>,
    );
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByRole('img', { name: 'Eve Evil' })).toHaveTextContent('EE');
  });
});
