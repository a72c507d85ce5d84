// Stand-in for `proxy-agent` inside @puppeteer/browsers, in the bundle only
// (scripts/bundle.mjs). @puppeteer/browsers needs a proxy agent only to
// download a browser, which chapkhana never does; the real package pulls in a
// PAC-script engine (QuickJS compiled to JavaScript, esprima, escodegen,
// ast-types), FTP and SOCKS clients: about 1.1 MB of the 2.9 MB puppeteer
// bundle, compiled at every cold build before Chromium could be started.
export class ProxyAgent {
  constructor() {
    throw new Error('chapkhana never downloads a browser (proxy-agent is not bundled): set PUPPETEER_EXECUTABLE_PATH or install Chromium')
  }
}
