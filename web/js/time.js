// Server times are ISO 8601 UTC; people read them in their own local time.
const clock = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Short local time ("14:05" or "2:05 PM"), or '' when the value isn't a date. */
export function localTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : clock.format(date);
}

/** Date and time, for the tooltip and for screen readers that read the datetime. */
export function localDateTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : full.format(date);
}
