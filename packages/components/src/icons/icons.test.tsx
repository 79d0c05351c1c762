import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe';
import * as icons from './index';

const all = Object.entries(icons) as [string, icons.IconComponent][];

describe('icons', () => {
  it('are decorative, unfocusable SVGs drawn in the current colour', () => {
    expect(all.length).toBeGreaterThanOrEqual(26);
    for (const [name, Icon] of all) {
      const { container, unmount } = render(<Icon />);
      const svg = container.querySelector('svg') as SVGSVGElement;
      expect(svg, name).toHaveAttribute('aria-hidden', 'true');
      expect(svg, name).toHaveAttribute('focusable', 'false');
      expect(svg, name).toHaveClass('tidings-icon');
      expect(svg, name).toHaveAttribute('width', '20');
      expect(svg.innerHTML, name).not.toBe('');
      unmount();
    }
  });

  it('take a size and SVG attributes', () => {
    const { container } = render(<icons.SendIcon size={16} className="mine" strokeWidth={2} />);
    const svg = container.querySelector('svg') as SVGSVGElement;
    expect(svg).toHaveAttribute('width', '16');
    expect(svg).toHaveAttribute('height', '16');
    expect(svg).toHaveAttribute('stroke-width', '2');
    expect(svg).toHaveClass('tidings-icon', 'mine');
  });

  it('mark the ones that point along the reading direction, to mirror them right to left', () => {
    const directional = all
      .filter(([, Icon]) => {
        const { container, unmount } = render(<Icon />);
        const result = container.querySelector('svg')?.hasAttribute('data-directional');
        unmount();
        return result;
      })
      .map(([name]) => name)
      .sort();
    expect(directional).toEqual(['BackIcon', 'ForwardIcon', 'ReplyIcon', 'SendIcon', 'UndoIcon']);
  });

  it('have no accessibility violations inside a named button', async () => {
    const { container } = render(
      <button type="button" aria-label="Send">
        <icons.SendIcon />
      </button>,
    );
    await expectNoAxeViolations(container);
  });
});
