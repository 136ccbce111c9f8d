package org.lvsh.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import java.util.ArrayList;
import java.util.List;
import org.lvsh.model.Capabilities;

/** The host's resource control: {@code <cache>} banks and {@code <memory_bandwidth>} nodes (resctrl). */
final class CacheXml {
    private CacheXml() {
    }

    static final class Banks {
        private final List<Bank> banks = new ArrayList<>();

        @JacksonXmlProperty(localName = "bank")
        void addBanks(List<Bank> run) {
            banks.addAll(run);
        }

        Capabilities.Cache toModel() {
            return new Capabilities.Cache(Values.each(banks, Bank::toModel));
        }
    }

    /** {@code <bank id='0' level='3' type='both' size='15' unit='MiB' cpus='0-5'><control .../></bank>}. */
    static final class Bank {
        @JacksonXmlProperty(isAttribute = true)
        String id;
        @JacksonXmlProperty(isAttribute = true)
        String level;
        @JacksonXmlProperty(isAttribute = true)
        String type;
        @JacksonXmlProperty(isAttribute = true)
        String size;
        @JacksonXmlProperty(isAttribute = true)
        String unit;
        @JacksonXmlProperty(isAttribute = true)
        String cpus;

        private final List<Control> controls = new ArrayList<>();

        @JacksonXmlProperty(localName = "control")
        void addControls(List<Control> run) {
            controls.addAll(run);
        }

        Capabilities.CacheBank toModel() {
            return new Capabilities.CacheBank(Values.integer(id, "cache bank id"),
                    Values.integer(level, "cache bank level"), type, Values.kib(size, unit, "cache bank size"), cpus,
                    Values.each(controls, Control::toModel));
        }
    }

    static final class Control {
        @JacksonXmlProperty(isAttribute = true)
        String granularity;
        @JacksonXmlProperty(isAttribute = true)
        String min;
        @JacksonXmlProperty(isAttribute = true)
        String unit;
        @JacksonXmlProperty(isAttribute = true)
        String type;
        @JacksonXmlProperty(localName = "maxAllocs", isAttribute = true)
        String maxAllocs;

        Capabilities.CacheControl toModel() {
            return new Capabilities.CacheControl(Values.kib(granularity, unit, "cache control granularity"),
                    Values.kib(min, unit, "cache control min"), type,
                    Values.integer(maxAllocs, "cache control maxAllocs"));
        }
    }

    static final class Bandwidth {
        private final List<Node> nodes = new ArrayList<>();

        @JacksonXmlProperty(localName = "node")
        void addNodes(List<Node> run) {
            nodes.addAll(run);
        }

        Capabilities.MemoryBandwidth toModel() {
            return new Capabilities.MemoryBandwidth(Values.each(nodes, Node::toModel));
        }
    }

    /** {@code <node id='0' cpus='0-5'><control granularity='10' min='10' maxAllocs='8'/></node>}: percentages. */
    static final class Node {
        @JacksonXmlProperty(isAttribute = true)
        String id;
        @JacksonXmlProperty(isAttribute = true)
        String cpus;
        @JacksonXmlProperty(localName = "control")
        Control control;

        Capabilities.BandwidthNode toModel() {
            return new Capabilities.BandwidthNode(Values.integer(id, "memory_bandwidth node id"), cpus,
                    control == null ? null : Values.integer(control.granularity, "memory_bandwidth granularity"),
                    control == null ? null : Values.integer(control.min, "memory_bandwidth min"),
                    control == null ? null : Values.integer(control.maxAllocs, "memory_bandwidth maxAllocs"));
        }
    }
}
