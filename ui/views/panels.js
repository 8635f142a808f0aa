// The partner page's panels from the other areas, registered at start-up
// (app.js imports this module) so they are there before any partner page.
import './diplomas/panel.js';
import './events/panel.js';
import './privacy/panel.js';
import './activities/panel.js';
import './merge/panel.js';
import './awards/panel.js';
import './publications/panel.js';
