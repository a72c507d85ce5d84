/**
 * The EJS templates handed to epub-gen-memory. Its own templates hard-code
 * `xml:lang="en"`, a random identifier and the clock; these take every fact
 * from the edition (`book`, see `write.ts`) so the package is right-to-left
 * where the document is, and the same sources give the same bytes.
 */

/** The package document. */
export const contentOPF = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="<%= book.lang %>" dir="<%= book.dir %>" prefix="<%= book.prefixes %>">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="book-id"><%= book.identifier %></dc:identifier>
    <dc:title id="title"><%= book.title %></dc:title>
    <dc:language><%= book.lang %></dc:language>
<% book.authors.forEach(function (author, i) { %>    <dc:creator id="creator-<%= i %>"><%= author %></dc:creator>
<% }) %>    <dc:date><%= book.date %></dc:date>
    <meta property="dcterms:modified"><%= book.modified %></meta>
<% if (book.publisher) { %>    <dc:publisher><%= book.publisher %></dc:publisher>
<% } %><% if (book.description) { %>    <dc:description><%= book.description %></dc:description>
<% } %><% book.subjects.forEach(function (subject) { %>    <dc:subject><%= subject %></dc:subject>
<% }) %><% if (book.rights) { %>    <dc:rights><%= book.rights %></dc:rights>
<% } %>    <meta property="schema:accessMode">textual</meta>
<% if (book.visual) { %>    <meta property="schema:accessMode">visual</meta>
<% } %>    <meta property="schema:accessModeSufficient">textual</meta>
    <meta property="schema:accessibilityFeature">structuralNavigation</meta>
    <meta property="schema:accessibilityFeature">tableOfContents</meta>
    <meta property="schema:accessibilityFeature">readingOrder</meta>
<% if (book.visual) { %>    <meta property="schema:accessibilityFeature">alternativeText</meta>
<% } %>    <meta property="schema:accessibilityHazard">none</meta>
    <meta property="schema:accessibilitySummary"><%= book.accessibilitySummary %></meta>
<% if (book.conformance) { %>    <meta property="dcterms:conformsTo"><%= book.conformance.conformsTo %></meta>
    <meta property="a11y:certifiedBy"><%= book.conformance.certifiedBy %></meta>
<% } %>    <meta property="ibooks:specified-fonts">true</meta>
<% if (book.cover) { %>    <meta name="cover" content="cover-image"/>
<% } %>    <meta name="generator" content="<%= book.generator %>"/>
  </metadata>
  <manifest>
    <item id="nav" href="toc.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
    <item id="css" href="style.css" media-type="text/css"/>
<% book.items.forEach(function (item) { %>    <item id="<%= item.id %>" href="<%= item.href %>" media-type="<%= item.mediaType %>"<% if (item.properties) { %> properties="<%= item.properties %>"<% } %>/>
<% }) %>  </manifest>
  <spine toc="ncx" page-progression-direction="<%= book.dir %>">
<% book.spine.forEach(function (ref) { %>    <itemref idref="<%= ref.id %>"<% if (!ref.linear) { %> linear="no"<% } %>/>
<% }) %>  </spine>
</package>
`

/** The EPUB 2 NCX, kept for older reading systems; its nested `navPoint`s come from `ncx.ts`. */
export const tocNCX = `<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="<%= book.lang %>">
  <head>
    <meta name="dtb:uid" content="<%= book.identifier %>"/>
    <meta name="dtb:depth" content="<%= book.ncx.depth %>"/>
    <meta name="dtb:totalPageCount" content="0"/>
    <meta name="dtb:maxPageNumber" content="0"/>
  </head>
  <docTitle><text><%= book.title %></text></docTitle>
  <navMap>
<%- book.ncx.navPoints %>  </navMap>
</ncx>
`

/** The navigation document, already serialised by chapkhana (see `nav.ts`). */
export const tocXHTML = '<%- book.navXhtml %>'

/** Chapter files, already serialised by chapkhana as XHTML (see `xhtml.ts`). */
export const chapterXHTML = '<%- xhtml %>'
