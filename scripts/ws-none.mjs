// Stand-in for `ws` inside puppeteer-core, in the bundle only
// (scripts/bundle.mjs). puppeteer-core imports it for a browser reached over
// a WebSocket; chapkhana launches every browser itself and talks to it over
// a pipe (`pipe: true`, src/browser/launch.ts). The real package brought
// Node's http, https and tls modules along, loaded at every cold build
// before Chromium could be started.
export default class WebSocket {
  constructor() {
    throw new Error('chapkhana talks to Chromium over a pipe only (ws is not bundled): launch the browser with pipe: true')
  }
}
