package org.lvsh.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** The one fact lvsh reads from {@code <domainCapabilities>}: {@code <vcpu max='N'/>}. */
public final class DomainCapabilitiesXml {
    @JacksonXmlProperty(localName = "vcpu")
    Vcpu vcpu;

    static final class Vcpu {
        @JacksonXmlProperty(isAttribute = true, localName = "max")
        String max;
    }

    /** The vcpu maximum, or null when the document has none (virsh then asks virConnectGetMaxVcpus). */
    public static Integer maxVcpus(String xml) {
        DomainCapabilitiesXml caps = SafeXml.read(xml, DomainCapabilitiesXml.class);
        if (caps.vcpu == null || caps.vcpu.max == null) {
            return null;
        }
        try {
            int max = Integer.parseInt(caps.vcpu.max.strip());
            return max < 0 ? null : max;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
