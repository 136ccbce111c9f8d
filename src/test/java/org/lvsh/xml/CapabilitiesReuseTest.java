package org.lvsh.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.lvsh.model.Capabilities;

/** The same text is parsed once; any change to it is parsed afresh. */
class CapabilitiesReuseTest {
    @Test
    void identicalTextOnlyIsReused() {
        String xml = Fixtures.read("test-default.xml");
        Capabilities first = CapabilitiesParser.parse(xml);
        assertSame(first, CapabilitiesParser.parse(new String(xml.toCharArray())));
        String changed = xml.replace("<arch>i686</arch>", "<arch>x86_64</arch>");
        Capabilities other = CapabilitiesParser.parse(changed);
        assertNotSame(first, other);
        assertEquals("x86_64", other.host().cpu().arch());
        assertThrows(XmlRefused.class, () -> CapabilitiesParser.parse(xml.replace("</capabilities>", "")));
        assertEquals("i686", CapabilitiesParser.parse(xml).host().cpu().arch());
    }
}
