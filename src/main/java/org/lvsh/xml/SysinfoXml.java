package org.lvsh.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lvsh.model.Sysinfo;

/**
 * libvirt's {@code <sysinfo type='smbios'>}: sections of {@code <entry name='...'>value</entry>}. Sections a
 * host can have several of (base boards, processors, memory devices) may come in runs that are not adjacent:
 * the adding setters keep every run.
 */
public final class SysinfoXml {
    @JacksonXmlProperty(isAttribute = true, localName = "type")
    String type;
    @JacksonXmlProperty(localName = "bios")
    Section bios;
    @JacksonXmlProperty(localName = "system")
    Section system;
    @JacksonXmlProperty(localName = "chassis")
    Section chassis;
    @JacksonXmlProperty(localName = "oemStrings")
    Section oemStrings;

    private final List<Section> baseBoards = new ArrayList<>();
    private final List<Section> processors = new ArrayList<>();
    private final List<Section> memoryDevices = new ArrayList<>();

    @JacksonXmlProperty(localName = "baseBoard")
    void addBaseBoards(List<Section> run) {
        baseBoards.addAll(run);
    }

    @JacksonXmlProperty(localName = "processor")
    void addProcessors(List<Section> run) {
        processors.addAll(run);
    }

    @JacksonXmlProperty(localName = "memory_device")
    void addMemoryDevices(List<Section> run) {
        memoryDevices.addAll(run);
    }

    static final class Section {
        private final List<Entry> entries = new ArrayList<>();

        @JacksonXmlProperty(localName = "entry")
        void addEntries(List<Entry> run) {
            entries.addAll(run);
        }

        /** Entries by name, in document order; a repeated name keeps its first value. */
        Map<String, String> named() {
            Map<String, String> named = new LinkedHashMap<>();
            for (Entry e : entries) {
                if (e.name != null) {
                    named.putIfAbsent(e.name.strip(), value(e));
                }
            }
            return named;
        }

        List<String> values() {
            List<String> values = new ArrayList<>();
            entries.forEach(e -> values.add(value(e)));
            return values;
        }

        private static String value(Entry e) {
            return e.value == null ? "" : e.value.strip();
        }
    }

    static final class Entry {
        @JacksonXmlProperty(isAttribute = true, localName = "name")
        String name;
        @JacksonXmlText
        String value;
    }

    /** Parses libvirt's document (from the daemon: read defensively). */
    public static Sysinfo parse(String xml) {
        SysinfoXml s = SafeXml.read(xml, SysinfoXml.class);
        return new Sysinfo(s.type, named(s.bios), named(s.system), each(s.baseBoards), named(s.chassis),
                each(s.processors), each(s.memoryDevices), s.oemStrings == null ? List.of() : s.oemStrings.values());
    }

    private static Map<String, String> named(Section s) {
        return s == null ? null : s.named();
    }

    private static List<Map<String, String>> each(List<Section> sections) {
        List<Map<String, String>> all = new ArrayList<>();
        sections.forEach(s -> all.add(s.named()));
        return all;
    }
}
