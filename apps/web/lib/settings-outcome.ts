// What the settings page reports after a form of it has done its work
// (`/settings?done=…`), in words.

export const SETTINGS_OUTCOMES = {
  name: "Your name has been saved.",
  "email-sent": "We have sent a link to your new address. Your email address changes when you open it (within 1 hour).",
  password: "Your password has been changed.",
  "session-ended": "That device has been signed out.",
  "others-ended": "Every other device has been signed out.",
} as const;

export type SettingsOutcome = keyof typeof SETTINGS_OUTCOMES;

export function settingsOutcome(value: unknown): string | undefined {
  const known = Object.entries(SETTINGS_OUTCOMES).find(([key]) => key === value);
  return known?.[1];
}
