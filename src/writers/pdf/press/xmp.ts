/**
 * The XMP metadata packet PDF/X-4 requires: the PDF/X version, title,
 * language, dates (from the edition, never the clock), trapping, and
 * document ids derived from the edition so two builds write the same bytes.
 */
import { createHash } from 'node:crypto'

/** What the packet says about the document. */
export interface XmpFacts {
  readonly title: string
  readonly lang: string
  readonly authors: readonly string[]
  /** ISO date `YYYY-MM-DD` of the edition. */
  readonly date: string
  readonly edition: number
  readonly slug: string
  readonly producer: string
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** A UUID URN from a hash, stable for one edition. */
export function stableUuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex')
  return `uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/** The XMP packet as text. */
export function xmpPacket(facts: XmpFacts): string {
  const when = `${facts.date}T00:00:00Z`
  const creators = facts.authors.map((a) => `<rdf:li>${escape(a)}</rdf:li>`).join('')
  return `<?xpacket begin="\u{feff}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escape(facts.title)}</rdf:li><rdf:li xml:lang="${escape(facts.lang)}">${escape(facts.title)}</rdf:li></rdf:Alt></dc:title>
<dc:language><rdf:Bag><rdf:li>${escape(facts.lang)}</rdf:li></rdf:Bag></dc:language>
${creators ? `<dc:creator><rdf:Seq>${creators}</rdf:Seq></dc:creator>\n` : ''}<xmp:CreateDate>${when}</xmp:CreateDate>
<xmp:ModifyDate>${when}</xmp:ModifyDate>
<xmp:MetadataDate>${when}</xmp:MetadataDate>
<xmp:CreatorTool>chapkhana</xmp:CreatorTool>
<xmpMM:DocumentID>${stableUuid(`${facts.slug}`)}</xmpMM:DocumentID>
<xmpMM:InstanceID>${stableUuid(`${facts.slug}-${facts.edition}-${facts.date}`)}</xmpMM:InstanceID>
<xmpMM:VersionID>${facts.edition}</xmpMM:VersionID>
<xmpMM:RenditionClass>default</xmpMM:RenditionClass>
<pdf:Producer>${escape(facts.producer)}</pdf:Producer>
<pdf:Trapped>False</pdf:Trapped>
<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>`
}
