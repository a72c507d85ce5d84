/**
 * Structural checks of a press PDF with qpdf and poppler, standing in for a
 * PDF/X validator (none installs here): page boxes, the output intent and its
 * profile, the XMP packet, trapping, embedded fonts, and no device colour
 * that the output intent does not describe. Returns the problems found.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

type Json = string | number | boolean | null | Json[] | { [key: string]: Json }
type Dict = { [key: string]: Json }

const A4 = [595.28, 841.89] as const
const BLEED = (3 * 72) / 25.4

/** The objects of `file` as qpdf's JSON v2 shows them, keyed "N G R". */
function objects(file: string): Map<string, { value?: Json; stream?: { dict: Dict } }> {
  const json = JSON.parse(execFileSync('qpdf', ['--json=2', '--json-key=qpdf', file], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 })) as { qpdf: [unknown, Record<string, { value?: Json; stream?: { dict: Dict } }>] }
  return new Map(Object.entries(json.qpdf[1]).map(([key, v]) => [key.replace(/^obj:/, ''), v]))
}

/** A stream's decoded bytes. */
function streamData(file: string, ref: string): Buffer {
  return execFileSync('qpdf', [`--show-object=${ref.replace(/ R$/, '').replace(' ', ',')}`, '--filtered-stream-data', file], { maxBuffer: 64 * 1024 * 1024 })
}

/** `[x1, y1, x2, y2]` of a box line of `pdfinfo -box`. */
function boxes(file: string): Map<string, number[]>[] {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 0)
  const out = execFileSync('pdfinfo', ['-box', '-f', '1', '-l', String(pages), file], { encoding: 'utf8' })
  const found: Map<string, number[]>[] = []
  for (const m of out.matchAll(/^Page\s+(\d+)\s+(MediaBox|BleedBox|TrimBox):\s+(.+)$/gm)) {
    const i = Number(m[1]) - 1
    found[i] ??= new Map()
    found[i]!.set(m[2]!, m[3]!.trim().split(/\s+/).map(Number))
  }
  return found
}

const near = (a: number, b: number, tolerance = 0.02): boolean => Math.abs(a - b) <= tolerance

/** Everything wrong with `file` as a PDF/X-4 press file for A4 with 3 mm bleed. */
export function pressProblems(file: string, expected: { title: string; lang: string }): string[] {
  const problems: string[] = []
  if (!readFileSync(file).subarray(0, 8).toString('latin1').startsWith('%PDF-1.6')) problems.push('header is not %PDF-1.6')
  const pageBoxes = boxes(file)
  if (pageBoxes.length === 0) problems.push('no page boxes found')
  pageBoxes.forEach((b, i) => {
    const trim = b.get('TrimBox') ?? []
    const bleed = b.get('BleedBox') ?? []
    const media = b.get('MediaBox') ?? []
    const wantTrim = [0, 0, A4[0], A4[1]]
    const wantBleed = [-BLEED, -BLEED, A4[0] + BLEED, A4[1] + BLEED]
    if (!wantTrim.every((v, k) => near(v, trim[k] ?? NaN))) problems.push(`page ${i + 1}: TrimBox ${trim.join(' ')} is not A4`)
    if (!wantBleed.every((v, k) => near(v, bleed[k] ?? NaN))) problems.push(`page ${i + 1}: BleedBox ${bleed.join(' ')} is not trim + 3 mm`)
    // Crop marks need room outside the bleed: at least 5 mm more on every side.
    const room = (5 * 72) / 25.4
    if (!(media[0]! <= -BLEED - room && media[1]! <= -BLEED - room && media[2]! >= A4[0] + BLEED + room && media[3]! >= A4[1] + BLEED + room)) problems.push(`page ${i + 1}: MediaBox ${media.join(' ')} leaves no room for crop marks`)
  })
  const objs = objects(file)
  const trailer = objs.get('trailer')?.value as Dict | undefined
  const catalog = objs.get(String(trailer?.['/Root']))?.value as Dict | undefined
  const info = objs.get(String(trailer?.['/Info']))?.value as Dict | undefined
  if (info?.['/GTS_PDFXVersion'] !== 'u:PDF/X-4') problems.push('Info has no /GTS_PDFXVersion (PDF/X-4)')
  if (info?.['/Trapped'] !== '/False') problems.push('Info has no /Trapped /False')
  const intents = (catalog?.['/OutputIntents'] ?? []) as Json[]
  const intent = (typeof intents[0] === 'string' ? objs.get(intents[0])?.value : intents[0]) as Dict | undefined
  let intentComponents = 0
  if (!intent || intent['/S'] !== '/GTS_PDFX') problems.push('no /GTS_PDFX output intent')
  else {
    const profileRef = String(intent['/DestOutputProfile'])
    intentComponents = Number(objs.get(profileRef)?.stream?.dict['/N'])
    const profile = streamData(file, profileRef)
    if (profile.subarray(36, 40).toString('latin1') !== 'acsp') problems.push('the output intent profile is not an ICC profile')
    if (profile.readUInt32BE(0) !== profile.length) problems.push('the output intent profile is truncated')
  }
  const metadataRef = catalog?.['/Metadata']
  if (typeof metadataRef !== 'string') problems.push('no XMP metadata stream')
  else {
    const xmp = streamData(file, metadataRef).toString('utf8')
    if (!/<pdfxid:GTS_PDFXVersion>PDF\/X-4<\/pdfxid:GTS_PDFXVersion>/.test(xmp)) problems.push('XMP lacks pdfxid:GTS_PDFXVersion PDF/X-4')
    if (!xmp.includes(`<pdf:Trapped>False</pdf:Trapped>`)) problems.push('XMP lacks pdf:Trapped False')
    if (!xmp.includes(expected.title)) problems.push('XMP lacks the title')
    if (!xmp.includes(`<rdf:li>${expected.lang}</rdf:li>`)) problems.push('XMP lacks the language')
  }
  // Device colour: names in dictionaries, and colour operators in content streams.
  const text = JSON.stringify([...objs.values()].map((o) => o.value ?? o.stream?.dict))
  if (/"\/DeviceCMYK"|"\/DeviceN"/.test(text)) problems.push('device CMYK or DeviceN colour with an RGB output intent')
  const usesRgb = /"\/DeviceRGB"/.test(text) || qdfContent(file).rgb
  if (usesRgb && intentComponents !== 3) problems.push('DeviceRGB without an RGB output intent')
  if (qdfContent(file).cmyk) problems.push('CMYK colour operators (k/K) in page content')
  // PDF/X-4 allows live transparency, but a page that uses it must say how to blend (a page /Group).
  const transparent = /"\/SMask":\s*"\d+ \d+ R"|"\/(ca|CA)":\s*0?\.\d+/.test(text)
  const pagesWithoutGroup = [...objs.values()].filter((o) => (o.value as Dict | undefined)?.['/Type'] === '/Page' && !(o.value as Dict)['/Group']).length
  if (transparent && pagesWithoutGroup > 0) problems.push(`transparency (soft masks or constant alpha below 1) on pages without a transparency group`)
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim())
  for (const line of fonts) if (line.trim().split(/\s+/).at(-5) !== 'yes') problems.push(`font not embedded: ${line.trim().split(/\s+/)[0]}`)
  return problems
}

const qdfCache = new Map<string, { rgb: boolean; cmyk: boolean }>()

/** Whether the uncompressed content streams set RGB or CMYK device colours. */
function qdfContent(file: string): { rgb: boolean; cmyk: boolean } {
  const known = qdfCache.get(file)
  if (known) return known
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chapkhana-qdf-'))
  try {
    const out = path.join(dir, 'qdf.pdf')
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, out])
    const body = readFileSync(out).toString('latin1')
    const found = { rgb: /(^|\s)[\d.]+ [\d.]+ [\d.]+ (rg|RG)(\s|$)/m.test(body), cmyk: /(^|\s)[\d.]+ [\d.]+ [\d.]+ [\d.]+ (k|K)(\s|$)/m.test(body) }
    qdfCache.set(file, found)
    return found
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
