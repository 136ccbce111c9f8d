package org.lvsh.xml;

import org.lvsh.model.Capabilities;

/** libvirt's capabilities XML (virConnectGetCapabilities) as a {@link Capabilities} record. */
public final class CapabilitiesParser {
    private CapabilitiesParser() {
    }

    /** @throws XmlRefused when the document is refused or malformed (message fit for one error line) */
    public static Capabilities parse(String xml) {
        CapabilitiesXml caps = SafeXml.read(xml, CapabilitiesXml.class);
        if (caps == null || caps.host == null) {
            throw XmlErrors.malformed("capabilities without a <host> element");
        }
        return caps.toModel();
    }
}
