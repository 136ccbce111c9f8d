package org.lvsh.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lvsh.model.Capabilities;

/** The host's {@code <cpu>}. */
final class HostCpuXml {
    @JacksonXmlProperty(localName = "arch")
    String arch;
    @JacksonXmlProperty(localName = "model")
    String model;
    @JacksonXmlProperty(localName = "vendor")
    String vendor;
    @JacksonXmlProperty(localName = "microcode")
    Microcode microcode;
    @JacksonXmlProperty(localName = "signature")
    Signature signature;
    @JacksonXmlProperty(localName = "counter")
    Counter counter;
    @JacksonXmlProperty(localName = "topology")
    Topology topology;
    @JacksonXmlProperty(localName = "maxphysaddr")
    MaxPhysAddr maxPhysAddr;
    /** The test driver's form: {@code <features><pae/><nonpae/></features>}. */
    @JacksonXmlProperty(localName = "features")
    ElementNames featureNames;

    private final List<Feature> features = new ArrayList<>();
    private final List<PagesXml> pages = new ArrayList<>();

    /** Real hosts' form: {@code <feature name='vmx'/>}. */
    @JacksonXmlProperty(localName = "feature")
    void addFeatures(List<Feature> run) {
        features.addAll(run);
    }

    @JacksonXmlProperty(localName = "pages")
    void addPages(List<PagesXml> run) {
        pages.addAll(run);
    }

    Capabilities.HostCpu toModel() {
        Set<String> names = new LinkedHashSet<>();
        features.forEach(f -> names.add(f.name));
        names.addAll(ElementNames.of(featureNames));
        names.remove(null);
        return new Capabilities.HostCpu(arch, model, vendor,
                microcode == null ? null : Values.number(microcode.version, "cpu microcode version"),
                Values.map(signature, Signature::toModel), Values.map(counter, Counter::toModel),
                Values.map(topology, Topology::toModel), Values.map(maxPhysAddr, MaxPhysAddr::toModel),
                List.copyOf(names),
                Values.each(pages, p -> new Capabilities.PageSize(p.sizeKib("cpu pages size"))));
    }

    static final class Feature {
        @JacksonXmlProperty(isAttribute = true)
        String name;
    }

    static final class Microcode {
        @JacksonXmlProperty(isAttribute = true)
        String version;
    }

    static final class Signature {
        @JacksonXmlProperty(isAttribute = true)
        String family;
        @JacksonXmlProperty(isAttribute = true)
        String model;
        @JacksonXmlProperty(isAttribute = true)
        String stepping;

        Capabilities.Signature toModel() {
            return new Capabilities.Signature(Values.integer(family, "cpu signature family"),
                    Values.integer(model, "cpu signature model"), Values.integer(stepping, "cpu signature stepping"));
        }
    }

    static final class Counter {
        @JacksonXmlProperty(isAttribute = true)
        String name;
        @JacksonXmlProperty(isAttribute = true)
        String frequency;
        @JacksonXmlProperty(isAttribute = true)
        String scaling;

        Capabilities.Counter toModel() {
            return new Capabilities.Counter(name, Values.number(frequency, "cpu counter frequency"),
                    Values.yesNo(scaling, "cpu counter scaling"));
        }
    }

    static final class Topology {
        @JacksonXmlProperty(isAttribute = true)
        String sockets;
        @JacksonXmlProperty(isAttribute = true)
        String dies;
        @JacksonXmlProperty(isAttribute = true)
        String clusters;
        @JacksonXmlProperty(isAttribute = true)
        String cores;
        @JacksonXmlProperty(isAttribute = true)
        String threads;

        Capabilities.CpuTopology toModel() {
            return new Capabilities.CpuTopology(Values.integer(sockets, "cpu topology sockets"),
                    Values.integer(dies, "cpu topology dies"), Values.integer(clusters, "cpu topology clusters"),
                    Values.integer(cores, "cpu topology cores"), Values.integer(threads, "cpu topology threads"));
        }
    }

    static final class MaxPhysAddr {
        @JacksonXmlProperty(isAttribute = true)
        String mode;
        @JacksonXmlProperty(isAttribute = true)
        String bits;

        Capabilities.MaxPhysAddr toModel() {
            return new Capabilities.MaxPhysAddr(mode, Values.integer(bits, "cpu maxphysaddr bits"));
        }
    }
}
