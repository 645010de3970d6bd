/**
 * Brings the first field showing an error into view and puts the cursor in it, once the errors
 * just set have been drawn: a form longer than the window would otherwise fail out of sight.
 */
export function focusFirstError(form: HTMLElement | null): void {
  requestAnimationFrame(() => {
    const field = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!field) return;
    field.scrollIntoView({ block: 'center' });
    field.focus({ preventScroll: true });
  });
}
