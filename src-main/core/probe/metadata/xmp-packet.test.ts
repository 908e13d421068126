import { describe, expect, it } from 'vitest'
import { NS, readXmp } from './xmp-packet'

const packet = (description: string, extraNs = '') =>
  Buffer.from(
    `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">` +
      `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"${extraNs}>${description}</rdf:RDF></x:xmpmeta>` +
      `${' '.repeat(2000)}<?xpacket end="w"?>`,
  )

describe('readXmp', () => {
  it('reads simple, list and language-alternative properties in element form', () => {
    const x = readXmp(
      packet(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <dc:title><rdf:Alt><rdf:li xml:lang="de">Titel</rdf:li><rdf:li xml:lang="x-default">Title</rdf:li></rdf:Alt></dc:title>
        <dc:subject><rdf:Bag><rdf:li>one</rdf:li><rdf:li> two </rdf:li><rdf:li/></rdf:Bag></dc:subject>
        <dc:format>image/jpeg</dc:format>
      </rdf:Description>`),
    )
    expect(x.text(NS.dc, 'title')).toBe('Title')
    expect(x.list(NS.dc, 'subject')).toEqual(['one', 'two'])
    expect(x.text(NS.dc, 'format')).toBe('image/jpeg')
  })

  it('reads attribute form, any prefix, entities and CDATA', () => {
    const x = readXmp(
      packet(`<rdf:Description rdf:about="" xmlns:ps="http://ns.adobe.com/photoshop/1.0/" ps:Credit="R&amp;D &#x263A;" ps:City='Bern'/>
        <rdf:Description xmlns:d="http://purl.org/dc/elements/1.1/"><d:rights><rdf:Alt><rdf:li xml:lang="x-default"><![CDATA[© <Agency>]]></rdf:li></rdf:Alt></d:rights></rdf:Description>`),
    )
    expect(x.text(NS.photoshop, 'Credit')).toBe('R&D ☺')
    expect(x.text(NS.photoshop, 'City')).toBe('Bern')
    expect(x.text(NS.dc, 'rights')).toBe('© <Agency>')
  })

  it('skips structs instead of mistaking their fields for top-level properties', () => {
    const x = readXmp(
      packet(`<rdf:Description xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/">
        <Iptc4xmpCore:CreatorContactInfo rdf:parseType="Resource"><Iptc4xmpCore:CiAdrCity>Basel</Iptc4xmpCore:CiAdrCity></Iptc4xmpCore:CreatorContactInfo>
        <Iptc4xmpCore:Location>Altstadt</Iptc4xmpCore:Location>
      </rdf:Description>`),
    )
    expect(x.text(NS.iptcCore, 'CiAdrCity')).toBeUndefined()
    expect(x.text(NS.iptcCore, 'Location')).toBe('Altstadt')
  })

  it('reads a UTF-16 packet and survives garbage', () => {
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(
        packet('<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:source="x"/>').toString('utf8'),
        'utf16le',
      ),
    ])
    expect(readXmp(utf16).text(NS.dc, 'source')).toBe('x')
    expect(readXmp(Buffer.from('<<<>>> not xml <a b="')).size).toBe(0)
  })
})
