import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// What an app's bundler keeps of an entry (bundled, minified and tree-shaken the way size-limit measures it):
// these tests guard the bytes an app does not need from creeping back through a side effect or an export.
async function bundle(source: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'ts' },
    bundle: true,
    write: false,
    minify: true,
    treeShaking: true,
    format: 'esm',
    charset: 'utf8',
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

describe('what an app bundles', () => {
  it('an inbox that reads only the inbox strings ships neither the chat view’s nor the Chinese ones', async () => {
    const code = await bundle(`export { enInbox } from './format/format-strings-en';`);
    expect(code).toContain('[Image]');
    expect(code).not.toContain('Write a message'); // enChat
    expect(code).not.toContain('Forward as chat history'); // enForward
    expect(code).not.toContain('zh-CN');
  }, 30_000);

  it('the root entry ships no string table and not the message schema', async () => {
    const code = await bundle(`export * from './index';`);
    expect(code).not.toContain('[图片]');
    expect(code).not.toContain('[Image]');
    expect(code).not.toContain('tidings:unsupported'); // the schema's placeholder marker
    expect(code).not.toContain('an array of strings'); // one of its problem descriptions
  }, 30_000);

  it('the string tables and the schema are still one import away', async () => {
    expect(await bundle(`export { en } from './format/format-strings-en';`)).toContain('Write a message');
    expect(await bundle(`export { zhCN } from './format/format-strings-zh-cn';`)).toContain('[图片]');
    const { normaliseMessage } = await import('./model/message-schema');
    expect(normaliseMessage({ msgID: 'm1', elemList: [] }).elemList).toHaveLength(1);
  }, 30_000);
});
