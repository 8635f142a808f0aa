// Partnere: routes `#/partnere/...` to the area's views.
//
// Routes: #/partnere (list), #/partnere/papirkurv (bin), #/partnere/ny (new),
// #/partnere/<id> (detail), #/partnere/<id>/rediger (edit),
// #/partnere/import (import, with undo of earlier imports),
// #/partnere/vis/<filters> (the list with filters set, e.g.
// `kind=forening&status=aktiv&goal=<id>&channel=some`: where a report's
// figure leads).

export async function render(container, ctx) {
  const [first, second] = ctx.params;
  if (first === 'vis') return (await import('./list.js')).render(container, ctx, false, new URLSearchParams(second || ''));
  if (first === 'import') return (await import('./import.js')).render(container, ctx);
  if (first === 'ny') return (await import('./form.js')).render(container, ctx, null);
  if (first && second === 'rediger') return (await import('./form.js')).render(container, ctx, first);
  if (first && first !== 'papirkurv') return (await import('./detail.js')).render(container, ctx, first);
  return (await import('./list.js')).render(container, ctx, first === 'papirkurv');
}
