package org.lvsh.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlText;
import java.util.ArrayList;
import java.util.List;
import org.lvsh.model.Capabilities;

/** The host's {@code <topology><cells num='2'><cell id='0'>...}: NUMA cells, their memory, pages and CPUs. */
final class NumaXml {
    /** A wrapper with its own attribute (num), so a class rather than an element wrapper. */
    @JacksonXmlProperty(localName = "cells")
    Cells cells;

    Capabilities.Topology toModel() {
        return new Capabilities.Topology(cells == null ? List.of() : Values.each(cells.cells, Cell::toModel));
    }

    static final class Cells {
        @JacksonXmlProperty(isAttribute = true)
        String num;

        private final List<Cell> cells = new ArrayList<>();

        @JacksonXmlProperty(localName = "cell")
        void addCells(List<Cell> run) {
            cells.addAll(run);
        }
    }

    static final class Cell {
        @JacksonXmlProperty(isAttribute = true)
        String id;
        @JacksonXmlProperty(localName = "memory")
        Memory memory;
        @JacksonXmlProperty(localName = "distances")
        Distances distances;
        @JacksonXmlProperty(localName = "cpus")
        Cpus cpus;

        private final List<PagesXml> pages = new ArrayList<>();

        @JacksonXmlProperty(localName = "pages")
        void addPages(List<PagesXml> run) {
            pages.addAll(run);
        }

        Capabilities.Cell toModel() {
            return new Capabilities.Cell(Values.integer(id, "cell id"),
                    memory == null ? null : Values.kib(memory.amount, memory.unit, "cell memory"),
                    cpus == null ? List.of() : Values.each(cpus.cpus, Cpu::toModel),
                    Values.each(pages, p -> new Capabilities.CellPages(p.sizeKib("cell pages size"),
                            Values.number(p.count, "cell pages count"))),
                    distances == null ? List.of() : Values.each(distances.siblings, Sibling::toModel));
        }
    }

    /** {@code <memory unit='KiB'>2097152</memory>}. */
    static final class Memory {
        @JacksonXmlProperty(isAttribute = true)
        String unit;
        @JacksonXmlText
        String amount;
    }

    static final class Distances {
        private final List<Sibling> siblings = new ArrayList<>();

        @JacksonXmlProperty(localName = "sibling")
        void addSiblings(List<Sibling> run) {
            siblings.addAll(run);
        }
    }

    static final class Sibling {
        @JacksonXmlProperty(isAttribute = true)
        String id;
        @JacksonXmlProperty(isAttribute = true)
        String value;

        Capabilities.Distance toModel() {
            return new Capabilities.Distance(Values.integer(id, "cell distance id"),
                    Values.integer(value, "cell distance value"));
        }
    }

    static final class Cpus {
        @JacksonXmlProperty(isAttribute = true)
        String num;

        private final List<Cpu> cpus = new ArrayList<>();

        @JacksonXmlProperty(localName = "cpu")
        void addCpus(List<Cpu> run) {
            cpus.addAll(run);
        }
    }

    static final class Cpu {
        @JacksonXmlProperty(isAttribute = true)
        String id;
        @JacksonXmlProperty(localName = "socket_id", isAttribute = true)
        String socketId;
        @JacksonXmlProperty(localName = "die_id", isAttribute = true)
        String dieId;
        @JacksonXmlProperty(localName = "cluster_id", isAttribute = true)
        String clusterId;
        @JacksonXmlProperty(localName = "core_id", isAttribute = true)
        String coreId;
        @JacksonXmlProperty(isAttribute = true)
        String siblings;

        Capabilities.Cpu toModel() {
            return new Capabilities.Cpu(Values.integer(id, "cpu id"), Values.integer(socketId, "cpu socket_id"),
                    Values.integer(dieId, "cpu die_id"), Values.integer(clusterId, "cpu cluster_id"),
                    Values.integer(coreId, "cpu core_id"), siblings);
        }
    }
}
