// Where areas meet on the partner page: each area registers a panel here
// (views/panels.js imports them all at start-up) and the partner page draws
// whatever is registered, in order, without knowing the areas.
//
// A panel is `render(container, partner, ctx)`: `container` is an empty
// element of its own inside `#partner-links`, `partner` the partner record
// (`partner.id`), `ctx` the view context (api, notify). It may be async.

const partnerPanels = [];

export function registerPartnerPanel(id, order, render) {
  const at = partnerPanels.findIndex((p) => p.id === id);
  if (at >= 0) partnerPanels.splice(at, 1);
  partnerPanels.push({ id, order, render });
  partnerPanels.sort((a, b) => a.order - b.order);
}

export function registeredPartnerPanels() {
  return partnerPanels.slice();
}

// The event page has panels the same way: `render(container, event, ctx)`,
// `event` the event record (`event.id`).
const eventPanels = [];

export function registerEventPanel(id, order, render) {
  const at = eventPanels.findIndex((p) => p.id === id);
  if (at >= 0) eventPanels.splice(at, 1);
  eventPanels.push({ id, order, render });
  eventPanels.sort((a, b) => a.order - b.order);
}

export function registeredEventPanels() {
  return eventPanels.slice();
}
