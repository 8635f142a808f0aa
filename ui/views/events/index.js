// Arrangementer: routes `#/arrangementer/...` to the area's views.
//
// Routes: #/arrangementer (list), #/arrangementer/ny (new),
// #/arrangementer/<id> (detail), #/arrangementer/<id>/rediger (edit),
// #/arrangementer/nyhedsbrev (the newsletter),
// #/arrangementer/vis/<filters> (the list with filters set, e.g.
// `kind=messe&when=all`: where a report's figure leads).

export async function render(container, ctx) {
  const [first, second] = ctx.params;
  if (first === 'vis') return (await import('./list.js')).render(container, ctx, new URLSearchParams(second || ''));
  if (first === 'nyhedsbrev') return (await import('./newsletter.js')).render(container, ctx);
  if (first === 'ny') return (await import('./form.js')).renderNew(container, ctx);
  if (first && second === 'rediger') return (await import('./form.js')).renderEdit(container, ctx, first);
  if (first) return (await import('./detail.js')).render(container, ctx, first);
  return (await import('./list.js')).render(container, ctx);
}
