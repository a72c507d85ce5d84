/**
 * Which browser a build launches: `PUPPETEER_EXECUTABLE_PATH` when set, else
 * the system's headless shell before the full Chromium (same Blink, a third
 * of the start-up), and the headless shell is launched with the flag it takes.
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, it } from 'node:test'
import { DEBIAN_HEADLESS_SHELL as SHELL, findChromium, isHeadlessShell } from '../../src/browser/launch.ts'

describe('choosing the browser', () => {
  it('recognises a headless shell by its executable name, and nothing else as one', () => {
    assert.equal(isHeadlessShell(SHELL), true)
    assert.equal(isHeadlessShell('/root/.cache/puppeteer/chrome-headless-shell/linux-1/chrome-headless-shell-linux64/chrome-headless-shell'), true)
    assert.equal(isHeadlessShell('/usr/bin/chromium'), false)
    assert.equal(isHeadlessShell('/opt/headless-shell-wrappers/chromium'), false, 'a folder name says nothing')
    assert.equal(isHeadlessShell('/usr/bin/google-chrome-stable'), false)
  })

  it('takes PUPPETEER_EXECUTABLE_PATH as given, and no other browser when it is missing', () => {
    assert.equal(findChromium({ PUPPETEER_EXECUTABLE_PATH: '/usr/bin/env' }), '/usr/bin/env')
    assert.equal(findChromium({ PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium' }), undefined)
  })

  it('prefers the system headless shell to the full Chromium when both are installed', { skip: existsSync(SHELL) && existsSync('/usr/bin/chromium') ? false : 'needs both chromium and chromium-headless-shell' }, () => {
    assert.equal(findChromium({}), SHELL)
  })

  it('answers for the environment it is given, not for the PUPPETEER_EXECUTABLE_PATH of its own process', { skip: existsSync(SHELL) ? false : 'needs chromium-headless-shell' }, () => {
    // puppeteer reads this process's variable when it loads (a traced test run sets it to a wrapper).
    const root = fileURLToPath(new URL('../../', import.meta.url)).replace(/tests\/\.tmp\/js\/$/, '')
    const source = pathToFileURL(path.join(root, 'src', 'browser', 'launch.ts')).href
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `const { findChromium } = await import(${JSON.stringify(source)}); process.stdout.write(String(findChromium({})))`], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: '/usr/bin/env' }
    })
    assert.equal(child.stdout, SHELL, child.stderr)
  })
})
