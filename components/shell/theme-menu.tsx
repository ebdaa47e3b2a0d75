"use client";

import { lazy, Suspense, useState } from "react";
import { THEME_COOKIE, THEMES, type Theme } from "./theme";
import { ThemeTriggerFace, themeTriggerProps } from "./theme-trigger";

// Every page's header holds this menu, so its code would count against every
// page's first load; the menu (Radix, about 30 kB gzip) arrives only when it is
// first opened, and is fetched ahead as soon as the pointer or focus reaches it.
const loadPopup = () => import("./theme-menu-popup");

export function ThemeMenu({ current }: { current: Theme }) {
  const [theme, setTheme] = useState<Theme>(current);
  const [wanted, setWanted] = useState(false);

  function choose(next: Theme) {
    setTheme(next);
    document.documentElement.classList.remove(...THEMES);
    document.documentElement.classList.add(next);
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
  }

  const trigger = (
    <button
      type="button"
      {...themeTriggerProps(theme)}
      aria-expanded={false}
      onPointerEnter={() => void loadPopup()}
      onFocus={() => void loadPopup()}
      onClick={() => setWanted(true)}
    >
      <ThemeTriggerFace theme={theme} />
    </button>
  );
  if (!wanted) return trigger;
  return (
    <Suspense fallback={trigger}>
      <ThemeMenuPopup theme={theme} onChoose={choose} />
    </Suspense>
  );
}

const ThemeMenuPopup = lazy(loadPopup);
