package org.lvsh.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlText;
import java.util.ArrayList;
import java.util.List;
import org.lvsh.model.Capabilities;

/** {@code <host>}: the CPU, NUMA topology, caches and security models of the machine libvirt runs on. */
final class HostXml {
    @JacksonXmlProperty(localName = "uuid")
    String uuid;
    @JacksonXmlProperty(localName = "cpu")
    HostCpuXml cpu;
    @JacksonXmlProperty(localName = "power_management")
    ElementNames powerManagement;
    @JacksonXmlProperty(localName = "iommu")
    Iommu iommu;
    @JacksonXmlProperty(localName = "migration_features")
    MigrationXml migration;
    @JacksonXmlProperty(localName = "topology")
    NumaXml topology;
    @JacksonXmlProperty(localName = "cache")
    CacheXml.Banks cache;
    @JacksonXmlProperty(localName = "memory_bandwidth")
    CacheXml.Bandwidth memoryBandwidth;

    private final List<SecModel> secmodels = new ArrayList<>();

    @JacksonXmlProperty(localName = "secmodel")
    void addSecmodels(List<SecModel> run) {
        secmodels.addAll(run);
    }

    Capabilities.Host toModel() {
        return new Capabilities.Host(uuid, Values.map(cpu, HostCpuXml::toModel), ElementNames.of(powerManagement),
                iommu == null ? null : Values.yesNo(iommu.support, "iommu support"),
                Values.map(migration, MigrationXml::toModel), Values.map(topology, NumaXml::toModel),
                Values.map(cache, CacheXml.Banks::toModel), Values.map(memoryBandwidth, CacheXml.Bandwidth::toModel),
                Values.each(secmodels, SecModel::toModel));
    }

    static final class Iommu {
        @JacksonXmlProperty(isAttribute = true)
        String support;
    }

    /** {@code <migration_features><live/><uri_transports><uri_transport>tcp</uri_transport>...}. */
    static final class MigrationXml {
        /** Present (as "") when live migration is supported. */
        @JacksonXmlProperty(localName = "live")
        String live;
        @JacksonXmlProperty(localName = "uri_transports")
        Transports uriTransports;

        Capabilities.Migration toModel() {
            return new Capabilities.Migration(live != null,
                    uriTransports == null ? List.of() : List.copyOf(uriTransports.transports));
        }
    }

    static final class Transports {
        private final List<String> transports = new ArrayList<>();

        @JacksonXmlProperty(localName = "uri_transport")
        void addTransports(List<String> run) {
            transports.addAll(run);
        }
    }

    static final class SecModel {
        @JacksonXmlProperty(localName = "model")
        String model;
        @JacksonXmlProperty(localName = "doi")
        String doi;

        private final List<BaseLabel> baseLabels = new ArrayList<>();

        @JacksonXmlProperty(localName = "baselabel")
        void addBaseLabels(List<BaseLabel> run) {
            baseLabels.addAll(run);
        }

        Capabilities.SecModel toModel() {
            return new Capabilities.SecModel(model, doi, Values.each(baseLabels,
                    b -> new Capabilities.BaseLabel(b.type, b.label)));
        }
    }

    /** {@code <baselabel type='kvm'>+64055:+64055</baselabel>}. */
    static final class BaseLabel {
        @JacksonXmlProperty(isAttribute = true)
        String type;
        @JacksonXmlText
        String label;
    }
}
