package org.lvsh.xml;

import org.lvsh.model.Capabilities;

/** libvirt's capabilities XML (virConnectGetCapabilities) as a {@link Capabilities} record. */
public final class CapabilitiesParser {
    /**
     * The last document parsed and its record (immutable). freecell --all and freepages --all fetch the
     * capabilities at every call, as virsh does, and a script repeats them; parsing the same text again cost about
     * 2 ms a call. Only identical text is answered from here, so nothing read is ever stale.
     */
    private static volatile Parsed last;

    private record Parsed(String xml, Capabilities capabilities) {
    }

    private CapabilitiesParser() {
    }

    /** @throws XmlRefused when the document is refused or malformed (message fit for one error line) */
    public static Capabilities parse(String xml) {
        Parsed p = last;
        if (p != null && p.xml().equals(xml)) {
            return p.capabilities();
        }
        CapabilitiesXml caps = SafeXml.read(xml, CapabilitiesXml.class);
        if (caps == null || caps.host == null) {
            throw XmlErrors.malformed("capabilities without a <host> element");
        }
        Capabilities model = caps.toModel();
        last = new Parsed(xml, model);
        return model;
    }
}
