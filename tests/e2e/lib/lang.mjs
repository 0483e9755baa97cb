// Headless Chromium with its UI in another language. On Linux, Chromium takes its UI language
// from the LANGUAGE environment variable (Debian's package needs chromium-l10n for languages
// other than en-US; scripts/setup.sh installs it). Playwright hands the browser this process's
// environment, so LANGUAGE is set just for the launch.
import { launch } from './browser.mjs';

/** `launch(extDir, options)` (./browser.mjs) with the browser's UI language `lang` ('fr', 'ar', …; null: as is). */
export async function launchInLanguage(lang, extDir, options) {
  if (!lang) return launch(extDir, options);
  const saved = process.env.LANGUAGE;
  process.env.LANGUAGE = lang;
  try {
    return await launch(extDir, options);
  } finally {
    if (saved === undefined) delete process.env.LANGUAGE;
    else process.env.LANGUAGE = saved;
  }
}
