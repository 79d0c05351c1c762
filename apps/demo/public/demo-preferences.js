// The saved theme, language and direction before the first paint, so a dark theme never flashes white.
// A file of its own rather than an inline script: the demo's Content-Security-Policy allows no inline
// script (script-src 'self').
try {
  const saved = JSON.parse(localStorage.getItem('tidings-demo:preferences') || '{}');
  const root = document.documentElement;
  if (['light', 'dark', 'system'].includes(saved.theme)) root.dataset.tidingsTheme = saved.theme;
  if (['en', 'zh-CN'].includes(saved.locale)) root.lang = saved.locale;
  if (['ltr', 'rtl'].includes(saved.direction)) root.dir = saved.direction;
} catch {}
