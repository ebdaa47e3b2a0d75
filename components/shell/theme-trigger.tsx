import { Monitor, Moon, Sun } from "lucide-react";
import type { Theme } from "./theme";

export const THEME_ICONS = { system: Monitor, light: Sun, dark: Moon } as const;
export const THEME_LABELS = { system: "System", light: "Light", dark: "Dark" } as const;

/** The trigger's attributes, the same before and after the menu's code has loaded. */
export function themeTriggerProps(theme: Theme) {
  return {
    "aria-label": `Colour theme: ${THEME_LABELS[theme]}`,
    "aria-haspopup": "menu" as const,
    className: "inline-flex h-9 w-9 items-center justify-center rounded-md text-slate-600 hover:bg-subtle dark:text-slate-300",
  };
}

export function ThemeTriggerFace({ theme }: { theme: Theme }) {
  const Icon = THEME_ICONS[theme];
  return <Icon className="h-4 w-4" aria-hidden="true" />;
}
