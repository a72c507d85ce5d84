// chapkhana never downloads a browser: it uses the system's Chromium (see README).
module.exports = { skipDownload: true }
