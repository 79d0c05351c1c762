import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';
import { mergeConfig } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Workspace packages resolve to their sources (no build step): every subpath in a package's `exports`
 * (`@tidings/core`, `@tidings/core/testing`, `@tidings/components/styles.css`…) becomes an exact alias.
 */
function workspaceAliases(): { find: RegExp; replacement: string }[] {
  return ['core', 'components'].flatMap((folder) => {
    const dir = path.join(root, 'packages', folder);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      name: string;
      exports: Record<string, string>;
    };
    return Object.entries(manifest.exports).map(([subpath, target]) => ({
      find: new RegExp(`^${`${manifest.name}${subpath.slice(1)}`.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`),
      replacement: path.join(dir, target),
    }));
  });
}

const config: StorybookConfig = {
  stories: ['../packages/components/src/**/*.stories.tsx'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Docs pages list each component's props with their TSDoc. react-docgen-typescript follows the types
  // across files (a component's props extend its hook's options, declared beside the hook), which
  // react-docgen cannot; the DOM attributes a root passes through are left out.
  typescript: {
    reactDocgen: 'react-docgen-typescript',
    reactDocgenTypescriptOptions: {
      tsconfigPath: path.join(root, 'packages/components/tsconfig.json'),
      shouldRemoveUndefinedFromOptional: true,
      propFilter: (prop) => !prop.parent?.fileName.includes('node_modules'),
    },
  },
  // The theme toolbar sets the canvas colour from the Tidings tokens instead.
  features: { backgrounds: false },
  viteFinal: (viteConfig) => mergeConfig(viteConfig, { resolve: { alias: workspaceAliases() } }),
};

export default config;
