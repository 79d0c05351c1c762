// Tests, stories and the Storybook preview import CSS through Vite; components never do.
/// <reference types="vite/client" />
