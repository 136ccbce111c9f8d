package org.lvsh.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvsh.model.TypedParam.Type;
import org.lvsh.output.DomstatsText;
import org.lvsh.output.Json;

/** domstats' JSON keys and virsh's value words, on records of every group as the QEMU driver sends them. */
class StatsKeysTest {
    private static final String UUID = "9caf0a96-0ba4-4969-9829-05a5e521109e";

    private static TypedParam p(String field, Type type, Object value) {
        return new TypedParam(field, type, value);
    }

    private static String json(TypedParam... params) {
        return Json.line(new DomainStatsRecord("g", UUID, List.of(params)));
    }

    @Test
    void everyGroupGetsUnitsInItsKeys() {
        List<TypedParam> all = new ArrayList<>(List.of(
                p("state.state", Type.INT, 3), p("state.reason", Type.INT, 1),
                p("cpu.time", Type.ULLONG, 210L), p("cpu.user", Type.ULLONG, 120L), p("cpu.system", Type.ULLONG, 90L),
                p("cpu.cache.monitor.count", Type.UINT, 1L), p("cpu.cache.monitor.0.name", Type.STRING, "m0"),
                p("cpu.cache.monitor.0.vcpus", Type.STRING, "0-1"),
                p("cpu.cache.monitor.0.bank.count", Type.UINT, 1L),
                p("cpu.cache.monitor.0.bank.0.id", Type.UINT, 0L),
                p("cpu.cache.monitor.0.bank.0.bytes", Type.ULLONG, 4096L),
                p("balloon.current", Type.ULLONG, 65536L), p("balloon.maximum", Type.ULLONG, 65536L),
                p("balloon.last-update", Type.ULLONG, 1700000000L),
                p("vcpu.current", Type.UINT, 2L), p("vcpu.maximum", Type.UINT, 2L),
                p("vcpu.1.state", Type.INT, 2), p("vcpu.1.time", Type.ULLONG, 40L),
                p("vcpu.1.halted", Type.BOOLEAN, true),
                p("vcpu.0.state", Type.INT, 1), p("vcpu.0.time", Type.ULLONG, 30L),
                p("net.count", Type.UINT, 1L), p("net.0.name", Type.STRING, "vnet0"),
                p("net.0.rx.bytes", Type.ULLONG, 100L), p("net.0.rx.pkts", Type.ULLONG, 2L),
                p("net.0.tx.errs", Type.ULLONG, 0L), p("net.0.tx.drop", Type.ULLONG, 1L),
                p("block.count", Type.UINT, 1L), p("block.0.name", Type.STRING, "vda"),
                p("block.0.path", Type.STRING, "/d.img"), p("block.0.backingIndex", Type.UINT, 1L),
                p("block.0.rd.reqs", Type.ULLONG, 5L), p("block.0.rd.bytes", Type.ULLONG, 512L),
                p("block.0.rd.times", Type.ULLONG, 7L), p("block.0.fl.times", Type.ULLONG, 8L),
                p("block.0.capacity", Type.ULLONG, 1073741824L),
                p("perf.cmt", Type.ULLONG, 1L), p("perf.cpu_cycles", Type.ULLONG, 2L),
                p("iothread.count", Type.UINT, 1L), p("iothread.3.poll-max-ns", Type.ULLONG, 32768L),
                p("iothread.3.poll-grow", Type.UINT, 0L),
                p("memory.bandwidth.monitor.count", Type.UINT, 1L),
                p("memory.bandwidth.monitor.0.name", Type.STRING, "b0"),
                p("memory.bandwidth.monitor.0.node.count", Type.UINT, 1L),
                p("memory.bandwidth.monitor.0.node.0.id", Type.UINT, 0L),
                p("memory.bandwidth.monitor.0.node.0.bytes.local", Type.ULLONG, 10L),
                p("memory.bandwidth.monitor.0.node.0.bytes.total", Type.ULLONG, 20L),
                p("dirtyrate.calc_status", Type.INT, 2), p("dirtyrate.megabytes_per_second", Type.LLONG, 4L),
                p("dirtyrate.calc_mode", Type.STRING, "dirty-ring"),
                p("dirtyrate.vcpu.0.megabytes_per_second", Type.ULLONG, 3L),
                p("vm.halt_poll_success_ns", Type.ULLONG, 9L)));
        assertEquals("{\"name\": \"g\", \"uuid\": \"" + UUID + "\", "
                + "\"state\": {\"state\": \"paused\", \"state_code\": 3, \"reason\": \"user\", \"reason_code\": 1}, "
                + "\"cpu\": {\"time_ns\": 210, \"user_ns\": 120, \"system_ns\": 90, \"cache_monitors\": "
                + "[{\"name\": \"m0\", \"vcpus\": \"0-1\", \"banks\": [{\"id\": 0, \"bytes\": 4096}]}]}, "
                + "\"balloon\": {\"current_kib\": 65536, \"maximum_kib\": 65536, \"last_update_s\": 1700000000}, "
                + "\"vcpu\": {\"current\": 2, \"maximum\": 2}, "
                + "\"vcpus\": [{\"id\": 0, \"state\": \"running\", \"state_code\": 1, \"time_ns\": 30}, "
                + "{\"id\": 1, \"state\": \"blocked\", \"state_code\": 2, \"time_ns\": 40, \"halted\": true}], "
                + "\"interfaces\": [{\"name\": \"vnet0\", \"rx_bytes\": 100, \"rx_packets\": 2, \"tx_errors\": 0, "
                + "\"tx_drops\": 1}], "
                + "\"blocks\": [{\"name\": \"vda\", \"path\": \"/d.img\", \"backing_index\": 1, \"rd_reqs\": 5, "
                + "\"rd_bytes\": 512, \"rd_time_ns\": 7, \"fl_time_ns\": 8, \"capacity_bytes\": 1073741824}], "
                + "\"perf\": {\"cmt_bytes\": 1, \"cpu_cycles\": 2}, "
                + "\"iothreads\": [{\"id\": 3, \"poll_max_ns\": 32768, \"poll_grow\": 0}], "
                + "\"memory\": {\"bandwidth_monitors\": [{\"name\": \"b0\", \"nodes\": [{\"id\": 0, "
                + "\"local_bytes\": 10, \"total_bytes\": 20}]}]}, "
                + "\"dirtyrate\": {\"calc_status\": 2, \"mib_per_s\": 4, \"calc_mode\": \"dirty-ring\", "
                + "\"vcpus\": [{\"id\": 0, \"mib_per_s\": 3}]}, "
                + "\"vm\": {\"halt_poll_success_ns\": 9}}",
                json(all.toArray(TypedParam[]::new)));
    }

    @Test
    void countsOfZeroAreEmptyLists() {
        assertEquals("{\"name\": \"g\", \"uuid\": \"" + UUID + "\", \"interfaces\": [ ], \"blocks\": [ ]}",
                json(p("net.count", Type.UINT, 0L), p("block.count", Type.UINT, 0L)));
    }

    @Test
    void unknownFieldsKeepLibvirtsKeyUnderOther() {
        assertEquals("{\"name\": \"g\", \"uuid\": \"" + UUID + "\", \"balloon\": {\"current_kib\": 1}, "
                + "\"other\": {\"balloon.new_thing\": 5, \"block.0.future\": \"x\", \"novel.group\": 1.5}}",
                json(p("balloon.current", Type.ULLONG, 1L), p("balloon.new_thing", Type.ULLONG, 5L),
                        p("block.0.future", Type.STRING, "x"), p("novel.group", Type.DOUBLE, 1.5)));
    }

    @Test
    void bigUnsignedNumbersStayNumbers() {
        assertEquals("{\"name\": \"g\", \"uuid\": \"" + UUID + "\", \"cpu\": {\"time_ns\": 18446744073709551615}, "
                + "\"other\": {\"x.nan\": null}}",
                json(p("cpu.time", Type.ULLONG, -1L), p("x.nan", Type.DOUBLE, Double.NaN)));
    }

    @Test
    void valuesInVirshsWords() {
        assertEquals("18446744073709551615", DomstatsText.value(p("a", Type.ULLONG, -1L)));
        assertEquals("-1", DomstatsText.value(p("a", Type.LLONG, -1L)));
        assertEquals("4294967295", DomstatsText.value(p("a", Type.UINT, 4294967295L)));
        assertEquals("-7", DomstatsText.value(p("a", Type.INT, -7)));
        assertEquals("1.500000", DomstatsText.value(p("a", Type.DOUBLE, 1.5)));
        assertEquals("0.000001", DomstatsText.value(p("a", Type.DOUBLE, 0.0000005)));
        assertEquals("nan", DomstatsText.value(p("a", Type.DOUBLE, Double.NaN)));
        assertEquals("-inf", DomstatsText.value(p("a", Type.DOUBLE, Double.NEGATIVE_INFINITY)));
        assertEquals("yes", DomstatsText.value(p("a", Type.BOOLEAN, true)));
        assertEquals("no", DomstatsText.value(p("a", Type.BOOLEAN, false)));
        assertEquals("page-sampling", DomstatsText.value(p("a", Type.STRING, "page-sampling")));
    }
}
