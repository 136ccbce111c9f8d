package org.lvsh.xml;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.exc.WstxLazyException;
import com.ctc.wstx.stax.WstxInputFactory;
import com.ctc.wstx.stax.WstxOutputFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import java.io.IOException;
import java.io.StringReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLResolver;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one reader of libvirt XML. A daemon at the other end of a connection need not be friendly, so documents
 * with a DTD are refused outright (no entity expansion, no external entities, no file or network access), and
 * size and nesting are bounded. Unknown elements and attributes are ignored: libvirt adds some every release.
 */
public final class SafeXml {
    /** Far above any capabilities or domain XML libvirt writes; low enough to keep memory use modest. */
    public static final int MAX_BYTES = 32 * 1024 * 1024;
    /** libvirt's documents nest about ten levels deep. */
    public static final int MAX_DEPTH = 100;

    private SafeXml() {
    }

    /**
     * Maps a libvirt XML document onto {@code type} (a class annotated for jackson-dataformat-xml).
     *
     * @throws XmlRefused when the document is refused or malformed; the message fits one {@code error:} line
     */
    public static <T> T read(String xml, Class<T> type) {
        checkSize(xml);
        XMLStreamReader reader = null;
        try {
            reader = Parsers.INPUT.createXMLStreamReader(new StringReader(xml));
            toRootElement(reader);
            T value = Parsers.MAPPER.readValue(reader, type);
            drain(reader);
            return value;
        } catch (XMLStreamException | IOException e) {
            throw XmlErrors.refusal(e);
        } catch (WstxLazyException e) {
            // Woodstox parses text lazily and reports errors found then unchecked.
            throw XmlErrors.refusal(e);
        } finally {
            close(reader);
        }
    }

    private static void checkSize(String xml) {
        if (xml == null || xml.isEmpty()) {
            throw XmlErrors.malformed("empty document");
        }
        // Every char takes at least one UTF-8 byte: only long strings need counting.
        if (xml.length() > MAX_BYTES / 3) {
            long bytes = utf8Length(xml);
            if (bytes > MAX_BYTES) {
                throw new XmlRefused("XML document is too large (" + bytes + " bytes, limit " + MAX_BYTES + ")");
            }
        }
    }

    private static long utf8Length(String s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** Walks the prolog ourselves so that a DTD is refused before anything in it is looked at. */
    private static void toRootElement(XMLStreamReader reader) throws XMLStreamException {
        int event = reader.getEventType();
        while (event != XMLStreamConstants.START_ELEMENT) {
            if (event == XMLStreamConstants.DTD) {
                throw new XmlRefused("refusing XML with a document type declaration (DTD)");
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw XmlErrors.malformed("no root element");
            }
            event = reader.next();
        }
    }

    /** Reads what follows the root element, so trailing garbage is reported rather than ignored. */
    private static void drain(XMLStreamReader reader) throws XMLStreamException {
        while (reader.hasNext()) {
            reader.next();
        }
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // Nothing to release beyond the string.
            }
        }
    }

    /** Built on first use only (holder idiom): Jackson XML costs a noticeable part of a start-up. */
    private static final class Parsers {
        static final WstxInputFactory INPUT = inputFactory();
        static final XmlMapper MAPPER = mapper(INPUT);

        /** Woodstox by name, not by service lookup: its limits below are Woodstox properties. */
        private static WstxInputFactory inputFactory() {
            WstxInputFactory in = new WstxInputFactory();
            in.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            in.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            in.setProperty(XMLInputFactory.IS_VALIDATING, false);
            // Belt and braces: should anything ever try to fetch an entity or a DTD, it fails.
            XMLResolver refuse = (publicId, systemId, baseUri, namespace) -> {
                throw new XMLStreamException("refusing to resolve external entity " + systemId);
            };
            in.setProperty(XMLInputFactory.RESOLVER, refuse);
            in.setProperty(WstxInputProperties.P_DTD_RESOLVER, refuse);
            in.setProperty(WstxInputProperties.P_ENTITY_RESOLVER, refuse);
            in.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_DEPTH);
            return in;
        }

        private static XmlMapper mapper(WstxInputFactory in) {
            return XmlMapper.builder(new XmlFactory(in, new WstxOutputFactory()))
                    .defaultUseWrapper(false)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build();
        }
    }
}
