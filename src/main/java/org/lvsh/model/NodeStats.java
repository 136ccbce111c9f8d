package org.lvsh.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * nodememstats (KiB) and nodecpustats (ns): libvirt's own field names and values, in libvirt's order. Text shows
 * libvirt's names; JSON names each value with its unit (total_kib, user_ns), virsh's "system" for "kernel".
 */
public record NodeStats(Map<String, Long> values, String unit) {
    public static NodeStats memory(Map<String, Long> kib) {
        return new NodeStats(kib, "kib");
    }

    public static NodeStats cpu(Map<String, Long> ns) {
        return new NodeStats(ns, "ns");
    }

    /** virsh's word for a CPU field ("kernel" is "system"). */
    public static String cpuWord(String field) {
        return "kernel".equals(field) ? "system" : field;
    }

    @JsonValue
    public Map<String, Long> json() {
        Map<String, Long> json = new LinkedHashMap<>();
        values.forEach((field, value) -> json.put(("ns".equals(unit) ? cpuWord(field) : field) + "_" + unit, value));
        return json;
    }
}
