package org.lvsh.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlText;
import java.util.ArrayList;
import java.util.List;
import org.lvsh.model.Capabilities;

/** {@code <guest>}: an OS type and architecture the driver can run, its emulator, machines and features. */
final class GuestXml {
    @JacksonXmlProperty(localName = "os_type")
    String osType;
    @JacksonXmlProperty(localName = "arch")
    Arch arch;
    /** Element names are the features: {@code <pae/><acpi default='on' toggle='yes'/>}. */
    @JacksonXmlProperty(localName = "features")
    ElementAttributes features;

    Capabilities.Guest toModel() {
        Arch a = arch == null ? new Arch() : arch;
        return new Capabilities.Guest(osType, a.name, Values.integer(a.wordsize, "guest wordsize"), a.emulator,
                a.loader, Values.each(a.machines, Machine::toModel), Values.each(a.domains, Domain::toModel),
                ElementAttributes.of(features));
    }

    static final class Arch {
        @JacksonXmlProperty(isAttribute = true)
        String name;
        @JacksonXmlProperty(localName = "wordsize")
        String wordsize;
        @JacksonXmlProperty(localName = "emulator")
        String emulator;
        @JacksonXmlProperty(localName = "loader")
        String loader;

        private final List<Machine> machines = new ArrayList<>();
        private final List<Domain> domains = new ArrayList<>();

        @JacksonXmlProperty(localName = "machine")
        void addMachines(List<Machine> run) {
            machines.addAll(run);
        }

        @JacksonXmlProperty(localName = "domain")
        void addDomains(List<Domain> run) {
            domains.addAll(run);
        }
    }

    /** {@code <domain type='kvm'>}, with its own emulator and machines when they differ from the arch's. */
    static final class Domain {
        @JacksonXmlProperty(isAttribute = true)
        String type;
        @JacksonXmlProperty(localName = "emulator")
        String emulator;

        private final List<Machine> machines = new ArrayList<>();

        @JacksonXmlProperty(localName = "machine")
        void addMachines(List<Machine> run) {
            machines.addAll(run);
        }

        Capabilities.GuestDomain toModel() {
            return new Capabilities.GuestDomain(type, emulator, Values.each(machines, Machine::toModel));
        }
    }

    /** {@code <machine canonical='pc-i440fx-7.2' maxCpus='255'>pc</machine>}, deprecated='yes' when QEMU deprecates it. */
    static final class Machine {
        @JacksonXmlProperty(localName = "maxCpus", isAttribute = true)
        String maxCpus;
        @JacksonXmlProperty(isAttribute = true)
        String canonical;
        @JacksonXmlProperty(isAttribute = true)
        String deprecated;
        @JacksonXmlText
        String name;

        Capabilities.Machine toModel() {
            return new Capabilities.Machine(name, Values.integer(maxCpus, "machine maxCpus"), canonical,
                    Boolean.TRUE.equals(Values.yesNo(deprecated, "machine deprecated")));
        }
    }
}
