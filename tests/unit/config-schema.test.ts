/**
 * The config schema (`src/config/options.ts`, `schema.ts`): defaults, each
 * option's message, unknown keys and proofing rules refused when the config
 * loads, the CLI flags derived from it and the README table generated from it.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { describe, it } from 'node:test'
import { isFailure } from '../../src/util/failure.ts'
import { configFlags, configFromFlags, DEFAULTS, OPTION_NAMES, resolveConfig, validateDir, validateLang, validateNotes } from '../../src/config/schema.ts'
import { RULE_IDS } from '../../src/proofing/rules-meta.ts'
import { configTable, TABLE_END, TABLE_START } from '../../scripts/config-table.ts'
import { ROOT } from '../helpers/paths.ts'

/** Assert that `input` is refused with a config-invalid failure whose message matches `pattern`. */
function refused(input: Record<string, unknown>, pattern: RegExp): void {
  assert.throws(() => resolveConfig(input), (e: unknown) => isFailure(e, 'config-invalid') && pattern.test(e.message), `${JSON.stringify(input)} → ${pattern}`)
}

/** Assert that `run` throws a config-invalid failure whose message matches `pattern`. */
function throwsConfig(run: () => unknown, pattern: RegExp): void {
  assert.throws(run, (e: unknown) => isFailure(e, 'config-invalid') && pattern.test(e.message), String(pattern))
}

describe('config schema', () => {
  it('fills in the defaults and nothing else', () => {
    const config = resolveConfig({})
    assert.deepEqual(config, DEFAULTS)
    assert.equal(config.contentDir, 'content')
    assert.equal(config.outDir, 'out')
    assert.equal(config.latinLang, 'en')
    assert.equal(config.renderTimeoutMs, 60_000)
    // The reader pages are a format like the others, on unless left out.
    assert.deepEqual(config.formats, ['epub', 'pdf', 'html'])
    assert.ok(Number.isInteger(config.jobs) && config.jobs >= 1 && config.jobs <= 4)
    for (const absent of ['lang', 'dir', 'proofing', 'press', 'notes']) assert.ok(!(absent in config), absent)
  })

  it('keeps valid settings and leaves press: false out', () => {
    const config = resolveConfig({ lang: 'ckb', dir: 'rtl', outDir: 'site', formats: ['pdf'], jobs: 2, renderTimeoutMs: 5000, press: true, notes: 'end', proofing: { tatweel: 'off' } })
    assert.deepEqual(config, { ...DEFAULTS, lang: 'ckb', dir: 'rtl', outDir: 'site', formats: ['pdf'], jobs: 2, renderTimeoutMs: 5000, press: true, notes: 'end', proofing: { tatweel: 'off' } })
    assert.ok(!('press' in resolveConfig({ press: false })))
    assert.equal(resolveConfig({ renderTimeoutMs: '9000' }).renderTimeoutMs, 9000)
  })

  it('refuses each bad option with a message naming it', () => {
    refused({ contentDir: '' }, /^contentDir: expected a non-empty string$/)
    refused({ outDir: 3 }, /^outDir: expected a non-empty string$/)
    refused({ lang: 'xx' }, /^lang: unknown language "xx"; use one of .*ckb/)
    refused({ latinLang: 42 }, /^latinLang: unknown language 42/)
    refused({ dir: 'up' }, /^dir: "up" is not a direction; use rtl or ltr$/)
    refused({ renderTimeoutMs: 2 ** 31 }, /^renderTimeoutMs: 2147483648 is not a time limit; give a whole number of milliseconds from 1 to 2147483647/)
    refused({ renderTimeoutMs: 1.5 }, /^renderTimeoutMs: 1.5 is not a time limit/)
    refused({ renderTimeoutMs: 'soon' }, /^renderTimeoutMs: "soon" is not a time limit/)
    refused({ formats: [] }, /^formats: expected a list of "epub", "pdf" and\/or "html"$/)
    refused({ formats: ['epub', 'mobi'] }, /^formats: expected a list/)
    refused({ formats: 'epub' }, /^formats: expected a list/)
    refused({ jobs: 0 }, /^jobs: expected a whole number of articles to build at once, from 1 up$/)
    refused({ jobs: Number.NaN }, /^jobs: expected a whole number/)
    refused({ proofing: { tatweel: 'loud' } }, /^proofing: expected a mapping of rule ids to "off", "warn" or "error"$/)
    refused({ proofing: ['tatweel'] }, /^proofing: expected a mapping/)
    refused({ press: 'yes' }, /^press: expected true or false$/)
    refused({ notes: 'side' }, /^notes: "side" is not a notes placement; use foot .* or end /)
  })

  it('refuses an unknown option, naming it, a close one and every known one', () => {
    refused({ outdir: 'x' }, /^unknown option "outdir"; did you mean outDir\? known options: contentDir, outDir, /)
    refused({ colour: 'red' }, new RegExp(`^unknown option "colour"; known options: ${OPTION_NAMES.join(', ')}$`))
  })

  it('refuses an unknown proofing rule when the config loads, suggesting close ones', () => {
    refused({ proofing: { 'straight-quote': 'off' } }, /^proofing: unknown rule "straight-quote" \(did you mean straight-quotes\?\); known rules: .*tatweel/)
    refused({ proofing: { quotes: 'off' } }, /^proofing: unknown rule "quotes" \(did you mean straight-quotes\?\); known rules: /)
    refused({ proofing: { tatweel: 'off', nonsense: 'warn' } }, /^proofing: unknown rule "nonsense"; known rules: /)
    for (const id of RULE_IDS) assert.deepEqual(resolveConfig({ proofing: { [id]: 'error' } }).proofing, { [id]: 'error' })
  })

  it('keeps the exported validators', () => {
    assert.equal(validateLang('ckb-IQ', '--lang'), 'ckb-IQ')
    assert.throws(() => validateLang('zz', '--lang'), (e: unknown) => isFailure(e, 'config-invalid') && /^--lang: unknown language "zz"/.test(e.message))
    assert.equal(validateDir('ltr', 'dir'), 'ltr')
    throwsConfig(() => validateDir('x', 'front matter dir'), /^front matter dir: "x" is not a direction/)
    assert.equal(validateNotes('end', 'notes'), 'end')
    throwsConfig(() => validateNotes(1, 'notes'), /^notes: 1 is not a notes placement/)
  })
})

describe('CLI flags from the schema', () => {
  const flags = (args: string[]): Record<string, unknown> =>
    configFromFlags(parseArgs({ args, allowPositionals: true, options: { ...configFlags(), force: { type: 'boolean' } } }).values)

  it('declares every existing flag with its type', () => {
    assert.deepEqual(configFlags(), {
      out: { type: 'string' },
      lang: { type: 'string' },
      dir: { type: 'string' },
      timeout: { type: 'string' },
      format: { type: 'string' },
      jobs: { type: 'string' },
      press: { type: 'boolean' }
    })
  })

  it('maps flags onto options, parsed and checked', () => {
    assert.deepEqual(flags(['--out', 'o', '--lang', 'ar', '--dir', 'ltr', '--format', 'epub', '--timeout', '900000', '--jobs', '3', '--press', '--force', 'a.md']), {
      outDir: 'o',
      lang: 'ar',
      dir: 'ltr',
      renderTimeoutMs: 900000,
      formats: ['epub'],
      jobs: 3,
      press: true
    })
    assert.deepEqual(flags([]), {})
    assert.deepEqual(flags(['--format', 'html']), { formats: ['html'] })
    assert.deepEqual(flags(['--format', 'epub,html']), { formats: ['epub', 'html'] })
    assert.deepEqual(resolveConfig({ outDir: 'from-file', jobs: 1, ...flags(['--out', 'from-flag']) }).outDir, 'from-flag')
  })

  it('refuses a bad flag value naming the flag', () => {
    assert.throws(() => flags(['--timeout', '3000000000']), (e: unknown) => isFailure(e, 'config-invalid') && /^--timeout: "3000000000" is not a time limit.*e\.g\. --timeout 900000/.test(e.message))
    throwsConfig(() => flags(['--jobs', 'many']), /^--jobs: expected a whole number/)
    throwsConfig(() => flags(['--format', 'epub,mobi']), /^--format: expected a list/)
    throwsConfig(() => flags(['--lang', 'xx']), /^--lang: unknown language "xx"/)
    throwsConfig(() => flags(['--dir', 'up']), /^--dir: "up" is not a direction/)
  })
})

describe('README option table', () => {
  it('is the table generated from the schema, between its markers', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
    const start = readme.indexOf(`${TABLE_START}\n`)
    const end = readme.indexOf(TABLE_END)
    assert.ok(start >= 0 && end > start, 'README.md lacks the config-table markers')
    assert.equal(readme.indexOf(TABLE_START, start + 1), -1, 'one table only')
    assert.equal(readme.slice(start + TABLE_START.length + 1, end), `${configTable()}\n`, 'README.md is out of date: run node --import tsx scripts/config-table.ts')
    for (const name of OPTION_NAMES) assert.match(configTable(), new RegExp(`^\\| \`${name}\` \\|`, 'm'))
  })
})
