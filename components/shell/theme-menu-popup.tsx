"use client";

import { DropdownMenu } from "radix-ui";
import { THEMES, type Theme } from "./theme";
import { THEME_ICONS, THEME_LABELS, ThemeTriggerFace, themeTriggerProps } from "./theme-trigger";

/**
 * The theme menu itself (Radix: focus, arrow keys, Escape, outside clicks).
 * Loaded on first use by `ThemeMenu`, so no page pays for it up front.
 */
export default function ThemeMenuPopup({ theme, onChoose }: { theme: Theme; onChoose: (next: Theme) => void }) {
  return (
    <DropdownMenu.Root defaultOpen modal={false}>
      <DropdownMenu.Trigger {...themeTriggerProps(theme)}>
        <ThemeTriggerFace theme={theme} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className="z-50 min-w-36 rounded-lg border border-slate-200 bg-surface p-1 text-sm shadow-lg dark:border-slate-700"
        >
          <DropdownMenu.RadioGroup value={theme} onValueChange={(value) => onChoose(value as Theme)}>
            {THEMES.map((option) => {
              const OptionIcon = THEME_ICONS[option];
              return (
                <DropdownMenu.RadioItem
                  key={option}
                  value={option}
                  className="flex cursor-default items-center gap-2 rounded-md px-2 py-1.5 outline-none data-[highlighted]:bg-slate-100 data-[state=checked]:font-semibold dark:data-[highlighted]:bg-slate-800"
                >
                  <OptionIcon className="h-4 w-4" aria-hidden="true" />
                  {THEME_LABELS[option]}
                </DropdownMenu.RadioItem>
              );
            })}
          </DropdownMenu.RadioGroup>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
