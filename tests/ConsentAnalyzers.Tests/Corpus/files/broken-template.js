// wwwroot/js/broken-template.js: a "settings" script someone meant the server to fill in, but it is served as a
// static file. It does not parse, so nothing in it is checked.
window.dataLayer = window.dataLayer || [];
function gtag() { dataLayer.push(arguments); }

const settings = {
  measurementId: {{ Model.MeasurementId }}, // expect: CG0109
  sampleRate: 100,
};

if (consent.has('analytics')) {
  gtag('config', settings.measurementId);
}
