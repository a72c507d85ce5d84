/**
 * Prints the README's table of `chapkhana.config.json` options, generated
 * from the config schema (`src/config/options.ts`). The README holds it
 * between `<!-- config-table:start -->` and `<!-- config-table:end -->`;
 * `tests/unit/config-schema.test.ts` checks they agree.
 *
 *   node --import tsx scripts/config-table.ts
 */
import { fileURLToPath } from 'node:url'
import * as v from 'valibot'
import { OPTION_NAMES, OPTIONS, type FlagSpec } from '../src/config/options.ts'

export const TABLE_START = '<!-- config-table:start -->'
export const TABLE_END = '<!-- config-table:end -->'

/** The Markdown table of every option: name, flag, type, default, description. */
export function configTable(): string {
  const rows = OPTION_NAMES.map((name) => {
    const spec = OPTIONS[name]
    const flag: FlagSpec | undefined = spec.flag
    const fallback: unknown = v.getDefault(spec.schema)
    const defaultText = spec.defaultText ?? (fallback === undefined ? '—' : `\`${JSON.stringify(fallback)}\``)
    const flagText = flag ? `\`--${flag.name}${flag.value ? ` ${flag.value}` : ''}\`` : '—'
    return `| \`${name}\` | ${flagText.replaceAll('|', '\\|')} | ${spec.typeText} | ${defaultText} | ${spec.description} |`
  })
  return ['| Option | Flag | Type | Default | Description |', '| --- | --- | --- | --- | --- |', ...rows].join('\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.stdout.write(`${TABLE_START}\n${configTable()}\n${TABLE_END}\n`)
