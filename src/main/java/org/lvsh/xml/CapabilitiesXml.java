package org.lvsh.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.util.ArrayList;
import java.util.List;
import org.lvsh.model.Capabilities;

/** {@code <capabilities>}: the mapping of the root element. */
@JacksonXmlRootElement(localName = "capabilities")
final class CapabilitiesXml {
    @JacksonXmlProperty(localName = "host")
    HostXml host;

    private final List<GuestXml> guests = new ArrayList<>();

    /** Adds rather than sets: repeated elements arrive once per run of adjacent siblings. */
    @JacksonXmlProperty(localName = "guest")
    void addGuests(List<GuestXml> run) {
        guests.addAll(run);
    }

    Capabilities toModel() {
        return new Capabilities(Values.map(host, HostXml::toModel), Values.each(guests, GuestXml::toModel));
    }
}
