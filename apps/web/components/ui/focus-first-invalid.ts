/** Moves focus to the first field of `form` named in `errors`, so keyboard and screen reader users land on it. */
export function focusFirstInvalid(form: HTMLFormElement, fields: readonly string[], errors: object): void {
  const name = fields.find((field) => field in errors);
  const element = name ? form.elements.namedItem(name) : null;
  if (element instanceof HTMLElement) element.focus();
}
