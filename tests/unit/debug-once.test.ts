/**
 * The bundle's stand-in for `debug` inside puppeteer-core
 * (scripts/debug-once.mjs): puppeteer asks for a logger at every DevTools
 * message, and the stand-in must hand back the same logger for a namespace
 * instead of making one each time, and log as the real one does when the
 * namespace is enabled.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import createDebug from 'debug'
import debug from '../../scripts/debug-once.mjs'

test('one logger per namespace, made once', () => {
  const send = debug('puppeteer:protocol:SEND ►')
  assert.equal(debug('puppeteer:protocol:SEND ►'), send)
  assert.notEqual(debug('puppeteer:protocol:RECV ◀'), send)
  assert.equal(send.namespace, 'puppeteer:protocol:SEND ►')
})

test('an enabled namespace logs its messages, a disabled one does not', () => {
  const before = createDebug.disable()
  try {
    createDebug.enable('chapkhana-test:on*')
    const lines: string[] = []
    for (const name of ['chapkhana-test:on', 'chapkhana-test:off']) {
      const logger = debug(name)
      logger.log = (...args: unknown[]) => void lines.push(args.map(String).join(' '))
      logger(`to ${name}`)
    }
    assert.equal(lines.length, 1)
    assert.match(lines[0]!, /to chapkhana-test:on/)
  } finally {
    createDebug.enable(before)
  }
})

test('a kept logger follows a later change of what is enabled', () => {
  const before = createDebug.disable()
  try {
    const lines: string[] = []
    const logger = debug('chapkhana-test:later')
    logger.log = (...args: unknown[]) => void lines.push(args.map(String).join(' '))
    logger('while disabled')
    createDebug.enable('chapkhana-test:*')
    debug('chapkhana-test:later')('once enabled')
    assert.equal(lines.length, 1)
    assert.match(lines[0]!, /once enabled/)
  } finally {
    createDebug.enable(before)
  }
})
