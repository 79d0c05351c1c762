/**
 * Histories for the message list's stories and browser tests: every element type, a group with tips and a
 * recalled message, delivery states. Not exported from the package.
 */

import type { HubSeed } from '@tidings/core/local';
import { createTestMessage } from '@tidings/core/testing';
import { type FixtureMessage, pictureBytes } from './message-list-fixtures';

const NOTES = new TextEncoder().encode('Q3 planning notes\n- ship the new inbox\n').buffer as ArrayBuffer;

/** Media bytes for {@link EVERY_TYPE}. */
export const EVERY_TYPE_MEDIA: NonNullable<HubSeed['media']> = [
  { uuid: 'story-photo', data: pictureBytes(640, 480, 200), type: 'image/svg+xml' },
  { uuid: 'story-portrait', data: pictureBytes(480, 720, 330), type: 'image/svg+xml' },
  { uuid: 'story-snapshot', data: pictureBytes(1280, 720, 150), type: 'image/svg+xml' },
  { uuid: 'story-video', data: new Uint8Array([0, 0, 0, 24]).buffer as ArrayBuffer, type: 'video/mp4' },
  { uuid: 'story-voice', data: new Uint8Array([0, 1, 2, 3]).buffer as ArrayBuffer, type: 'audio/ogg' },
  { uuid: 'story-file', data: NOTES, type: 'text/plain' },
];

const merged = [
  createTestMessage({
    sender: 'carol',
    nick: 'Carol 王',
    elemList: [{ type: 'text', text: 'Release is at 5pm' }],
  }),
  createTestMessage({
    sender: 'dave',
    nick: 'Dave Okafor',
    elemList: [{ type: 'text', text: 'I will update the changelog' }],
  }),
  createTestMessage({ sender: 'carol', nick: 'Carol 王', elemList: [{ type: 'text', text: 'Thanks!' }] }),
];

/** One message of every element type, and a reply quoting an earlier message. */
export const EVERY_TYPE: FixtureMessage[] = [
  { from: 'bob', text: 'Here is everything from the trip 🏔️', minutesAgo: 60 * 24 * 3, msgID: 'story-first' },
  {
    from: 'bob',
    minutesAgo: 60 * 24 * 3 - 1,
    elems: [
      {
        type: 'image',
        uuid: 'story-photo',
        url: '',
        fileSize: 182_000,
        mimeType: 'image/svg+xml',
        fileName: 'lake.jpg',
        width: 640,
        height: 480,
        thumbUrl: '',
      },
    ],
  },
  {
    from: 'alice',
    minutesAgo: 60 * 24 - 10,
    elems: [
      {
        type: 'image',
        uuid: 'story-portrait',
        url: '',
        fileSize: 240_000,
        mimeType: 'image/svg+xml',
        fileName: 'summit.jpg',
        width: 480,
        height: 720,
        thumbUrl: '',
      },
      { type: 'text', text: 'Made it to the top!' },
    ],
  },
  {
    from: 'bob',
    minutesAgo: 60 * 24 - 8,
    elems: [
      {
        type: 'video',
        uuid: 'story-video',
        url: '',
        fileSize: 4_200_000,
        mimeType: 'video/mp4',
        videoType: 'mp4',
        duration: 74,
        snapshotUuid: 'story-snapshot',
        snapshotUrl: '',
        snapshotWidth: 1280,
        snapshotHeight: 720,
      },
    ],
  },
  {
    from: 'bob',
    minutesAgo: 60 * 24 - 7,
    elems: [
      { type: 'sound', uuid: 'story-voice', url: '', fileSize: 4, mimeType: 'audio/ogg', duration: 17 },
    ],
  },
  {
    from: 'alice',
    minutesAgo: 62,
    elems: [
      {
        type: 'file',
        uuid: 'story-file',
        url: '',
        fileSize: 1_482_752,
        mimeType: 'text/plain',
        fileName: 'Q3-planning-notes.pdf',
      },
    ],
  },
  {
    from: 'bob',
    minutesAgo: 50,
    elems: [
      {
        type: 'location',
        description: 'Blue Bottle Coffee, Market St',
        latitude: 37.7749,
        longitude: -122.4194,
      },
    ],
  },
  { from: 'alice', minutesAgo: 45, elems: [{ type: 'face', index: 16, data: 'default' }] },
  {
    from: 'bob',
    minutesAgo: 40,
    elems: [
      {
        type: 'merger',
        title: 'Release chat',
        abstractList: [
          'Carol 王: Release is at 5pm',
          'Dave Okafor: I will update the changelog',
          'Carol 王: Thanks!',
        ],
        compatibleText: '[Chat history]',
        messageList: merged,
      },
    ],
  },
  {
    from: 'bob',
    minutesAgo: 30,
    elems: [
      {
        type: 'custom',
        data: JSON.stringify({ businessID: 'order', orderID: 'A-1024', total: '¥ 168.00', items: 3 }),
        description: 'Order A-1024',
        extension: '',
      },
    ],
  },
  {
    from: 'alice',
    minutesAgo: 12,
    text: 'Those photos are amazing — send me the full set? https://example.com/album',
    cloudCustomData: JSON.stringify({
      messageReply: {
        messageID: 'story-first',
        messageAbstract: 'Here is everything from the trip 🏔️',
        messageSender: 'Bob Martin',
        version: 1,
      },
    }),
  },
  { from: 'bob', text: '👍😄', minutesAgo: 4 },
];

/** A group history: a tip, runs of several senders, a recalled message. */
export const GROUP_HISTORY: FixtureMessage[] = [
  {
    from: 'alice',
    minutesAgo: 60 * 5,
    elems: [
      {
        type: 'groupTip',
        tipType: 'join',
        opUserID: 'carol',
        userIDList: ['carol', 'dave'],
        groupInfo: {},
        memberCount: 4,
      },
    ],
  },
  { from: 'carol', text: 'Hi all! Excited to be here 🎉', minutesAgo: 60 * 5 - 1 },
  { from: 'bob', text: 'Welcome Carol and Dave!', minutesAgo: 60 * 4 },
  { from: 'bob', text: 'Standup moves to 10:15 tomorrow.', minutesAgo: 60 * 4 - 1 },
  { from: 'dave', text: '收到，谢谢！', minutesAgo: 60 * 3 },
  { from: 'alice', text: 'Works for me.', minutesAgo: 60 * 2 },
  { from: 'carol', text: 'Can someone share the dashboard link?', minutesAgo: 20 },
  { from: 'bob', text: 'https://example.com/dashboards/release-train', minutesAgo: 18 },
  {
    from: 'dave',
    text: 'The staging build is green again ✅ Deploying to production after lunch unless anyone objects.',
    minutesAgo: 9,
  },
];
