// Gives a field a stable id (used by the tests) and keeps its label attached.
export function named(f, id) {
  f.input.id = id;
  const label = f.wrap.querySelector('label');
  if (label) label.htmlFor = id;
  return f;
}
