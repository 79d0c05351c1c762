/** Debian's Chromium, or `CHROMIUM_PATH`. */
export declare const CHROMIUM_PATH: string;
/** The project's switches for every Chromium launch. */
export declare const CHROMIUM_ARGS: readonly string[];
