package org.lvsh.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * domstats in JSON: libvirt's dotted fields ("block.0.rd.bytes") as typed groups with the unit in the key
 * ({"blocks": [{"rd_bytes": ...}]}). Counts ("net.count", "block.count") are the lengths of the lists and are
 * not repeated: a count makes its list, empty when it is 0. A field lvsh does not know (libvirt adds some every release) goes to "other" under libvirt's own
 * key, so nothing libvirt reports is lost.
 */
public final class StatsKeys {
    /** A field's place: a pattern over libvirt's name and a path template (see {@link #put}). */
    private record Rule(Pattern field, String path) {
    }

    private static final List<Rule> RULES = new ArrayList<>();

    private static void rule(String field, String path) {
        RULES.add(new Rule(Pattern.compile(field.replace(".", "\\.").replace("N", "(\\d+)")), path));
    }

    static {
        // path: segments joined by '/'; "name[k]" is item k of a list (k: the pattern's group), "name{k}" the same
        // with "id": k first (the number means something: a vCPU, an IOThread); "name[]" / "name{}" at the end: a
        // count, which makes the (maybe empty) list
        rule("cpu.time", "cpu/time_ns");
        rule("cpu.user", "cpu/user_ns");
        rule("cpu.system", "cpu/system_ns");
        rule("cpu.haltpoll.success.time", "cpu/haltpoll_success_time_ns");
        rule("cpu.haltpoll.fail.time", "cpu/haltpoll_fail_time_ns");
        rule("cpu.cache.monitor.count", "cpu/cache_monitors[]");
        rule("cpu.cache.monitor.N.name", "cpu/cache_monitors[1]/name");
        rule("cpu.cache.monitor.N.vcpus", "cpu/cache_monitors[1]/vcpus");
        rule("cpu.cache.monitor.N.bank.count", "cpu/cache_monitors[1]/banks[]");
        rule("cpu.cache.monitor.N.bank.N.id", "cpu/cache_monitors[1]/banks[2]/id");
        rule("cpu.cache.monitor.N.bank.N.bytes", "cpu/cache_monitors[1]/banks[2]/bytes");
        for (String[] b : new String[][] {{"current", "current_kib"}, {"maximum", "maximum_kib"},
                {"swap_in", "swap_in_kib"}, {"swap_out", "swap_out_kib"}, {"major_fault", "major_faults"},
                {"minor_fault", "minor_faults"}, {"unused", "unused_kib"}, {"available", "available_kib"},
                {"usable", "usable_kib"}, {"rss", "rss_kib"}, {"last-update", "last_update_s"},
                {"disk_caches", "disk_caches_kib"}, {"hugetlb_pgalloc", "hugetlb_page_allocs"},
                {"hugetlb_pgfail", "hugetlb_page_failures"}}) {
            rule("balloon." + b[0], "balloon/" + b[1]);
        }
        rule("vcpu.current", "vcpu/current");
        rule("vcpu.maximum", "vcpu/maximum");
        rule("vcpu.N.state", "vcpus{1}/state");
        rule("vcpu.N.time", "vcpus{1}/time_ns");
        rule("vcpu.N.wait", "vcpus{1}/wait_ns");
        rule("vcpu.N.halted", "vcpus{1}/halted");
        rule("vcpu.N.delay", "vcpus{1}/delay_ns");
        rule("net.count", "interfaces[]");
        rule("net.N.name", "interfaces[1]/name");
        for (String dir : List.of("rx", "tx")) {
            rule("net.N." + dir + ".bytes", "interfaces[1]/" + dir + "_bytes");
            rule("net.N." + dir + ".pkts", "interfaces[1]/" + dir + "_packets");
            rule("net.N." + dir + ".errs", "interfaces[1]/" + dir + "_errors");
            rule("net.N." + dir + ".drop", "interfaces[1]/" + dir + "_drops");
        }
        rule("block.count", "blocks[]");
        for (String[] b : new String[][] {{"name", "name"}, {"backingIndex", "backing_index"}, {"path", "path"},
                {"rd.reqs", "rd_reqs"}, {"rd.bytes", "rd_bytes"}, {"rd.times", "rd_time_ns"},
                {"wr.reqs", "wr_reqs"}, {"wr.bytes", "wr_bytes"}, {"wr.times", "wr_time_ns"},
                {"fl.reqs", "fl_reqs"}, {"fl.times", "fl_time_ns"}, {"errors", "errors"},
                {"allocation", "allocation_bytes"}, {"capacity", "capacity_bytes"}, {"physical", "physical_bytes"},
                {"threshold", "threshold_bytes"}}) {
            rule("block.N." + b[0], "blocks[1]/" + b[1]);
        }
        rule("perf.cmt", "perf/cmt_bytes");
        rule("perf.mbmt", "perf/mbmt_bytes_per_s");
        rule("perf.mbml", "perf/mbml_bytes_per_s");
        for (String event : List.of("cpu_cycles", "instructions", "cache_references", "cache_misses",
                "branch_instructions", "branch_misses", "bus_cycles", "stalled_cycles_frontend",
                "stalled_cycles_backend", "ref_cpu_cycles", "cpu_clock", "task_clock", "page_faults",
                "context_switches", "cpu_migrations", "page_faults_min", "page_faults_maj", "alignment_faults",
                "emulation_faults")) {
            rule("perf." + event, "perf/" + event);
        }
        rule("iothread.count", "iothreads{}");
        rule("iothread.N.poll-max-ns", "iothreads{1}/poll_max_ns");
        rule("iothread.N.poll-grow", "iothreads{1}/poll_grow");
        rule("iothread.N.poll-shrink", "iothreads{1}/poll_shrink");
        rule("memory.bandwidth.monitor.count", "memory/bandwidth_monitors[]");
        rule("memory.bandwidth.monitor.N.name", "memory/bandwidth_monitors[1]/name");
        rule("memory.bandwidth.monitor.N.vcpus", "memory/bandwidth_monitors[1]/vcpus");
        rule("memory.bandwidth.monitor.N.node.count", "memory/bandwidth_monitors[1]/nodes[]");
        rule("memory.bandwidth.monitor.N.node.N.id", "memory/bandwidth_monitors[1]/nodes[2]/id");
        rule("memory.bandwidth.monitor.N.node.N.bytes.local", "memory/bandwidth_monitors[1]/nodes[2]/local_bytes");
        rule("memory.bandwidth.monitor.N.node.N.bytes.total", "memory/bandwidth_monitors[1]/nodes[2]/total_bytes");
        rule("dirtyrate.calc_status", "dirtyrate/calc_status");
        rule("dirtyrate.calc_start_time", "dirtyrate/calc_start_time_s");
        rule("dirtyrate.calc_period", "dirtyrate/calc_period_s");
        rule("dirtyrate.megabytes_per_second", "dirtyrate/mib_per_s");
        rule("dirtyrate.calc_mode", "dirtyrate/calc_mode");
        rule("dirtyrate.vcpu.N.megabytes_per_second", "dirtyrate/vcpus{1}/mib_per_s");
    }

    private static final Pattern VM = Pattern.compile("vm\\.(.+)");
    private static final List<String> VCPU_STATES = List.of("offline", "running", "blocked");

    private StatsKeys() {
    }

    /** A list being filled: items by libvirt's index, each with "id" first when {@code withId}. */
    private static final class Items {
        final TreeMap<Long, Map<String, Object>> byIndex = new TreeMap<>();
        final boolean withId;

        Items(boolean withId) {
            this.withId = withId;
        }
    }

    /** The JSON of one record: name, uuid, then the groups in the order libvirt first reports them. */
    public static Map<String, Object> record(DomainStatsRecord r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", r.name());
        root.put("uuid", r.uuid());
        Map<String, Object> other = new LinkedHashMap<>();
        for (TypedParam p : r.params()) {
            Object value = jsonValue(p);
            String field = p.field();
            if (field.equals("state.state") && p.value() instanceof Integer code) {
                Map<String, Object> state = group(root, "state");
                state.put("state", DomainState.of(code).key());
                state.put("state_code", code);
                continue;
            }
            if (field.equals("state.reason") && p.value() instanceof Integer code) {
                Map<String, Object> state = group(root, "state");
                Object s = state.get("state_code");
                state.put("reason", s instanceof Integer st ? DomainState.of(st).reasonText(code) : null);
                state.put("reason_code", code);
                continue;
            }
            Matcher vm = VM.matcher(field);
            if (vm.matches()) {
                group(root, "vm").put(vm.group(1), value);
                continue;
            }
            Rule rule = find(field);
            if (rule == null) {
                other.put(field, value);
                continue;
            }
            Matcher m = rule.field().matcher(field);
            m.matches();
            if (rule.path().startsWith("vcpus{1}/state") && p.value() instanceof Integer code) {
                Map<String, Object> item = item(root, "vcpus", Long.parseLong(m.group(1)), true);
                item.put("state", code >= 0 && code < VCPU_STATES.size() ? VCPU_STATES.get(code) : null);
                item.put("state_code", code);
                continue;
            }
            put(root, rule.path(), m, value);
        }
        if (!other.isEmpty()) {
            root.put("other", other);
        }
        return finish(root);
    }

    private static Rule find(String field) {
        for (Rule r : RULES) {
            if (r.field().matcher(field).matches()) {
                return r;
            }
        }
        return null;
    }

    /** Walks the path from the root, making groups and list items as needed, and puts the value at its end. */
    private static void put(Map<String, Object> root, String path, Matcher m, Object value) {
        String[] segments = path.split("/");
        Map<String, Object> at = root;
        for (int i = 0; i < segments.length - 1; i++) {
            String s = segments[i];
            int open = Math.max(s.indexOf('['), s.indexOf('{'));
            if (open < 0) {
                at = group(at, s);
            } else {
                long index = Long.parseLong(m.group(Integer.parseInt(s.substring(open + 1, s.length() - 1))));
                at = item(at, s.substring(0, open), index, s.charAt(open) == '{');
            }
        }
        String last = segments[segments.length - 1];
        if (last.endsWith("[]") || last.endsWith("{}")) {
            boolean withId = last.endsWith("{}");
            at.computeIfAbsent(last.substring(0, last.length() - 2), k -> new Items(withId));
            return;
        }
        at.put(last, value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> group(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
    }

    private static Map<String, Object> item(Map<String, Object> parent, String key, long index, boolean withId) {
        Items items = (Items) parent.computeIfAbsent(key, k -> new Items(withId));
        return items.byIndex.computeIfAbsent(index, i -> {
            Map<String, Object> item = new LinkedHashMap<>();
            if (withId) {
                item.put("id", i);
            }
            return item;
        });
    }

    /** Lists being filled become lists, in libvirt's index order. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> finish(Map<String, Object> map) {
        for (Map.Entry<String, Object> e : map.entrySet()) {
            if (e.getValue() instanceof Items items) {
                List<Map<String, Object>> list = new ArrayList<>();
                items.byIndex.values().forEach(item -> list.add(finish(item)));
                e.setValue(list);
            } else if (e.getValue() instanceof Map<?, ?> inner) {
                finish((Map<String, Object>) inner);
            }
        }
        return map;
    }

    /** Numbers as numbers (64-bit unsigned ones above Long.MAX_VALUE too); a double that is not finite is null. */
    static Object jsonValue(TypedParam p) {
        Object v = p.value();
        if (p.type() == TypedParam.Type.ULLONG && v instanceof Long l && l < 0) {
            return new BigInteger(Long.toUnsignedString(l));
        }
        if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return null;
        }
        return v;
    }
}
