package org.lvsh.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lvsh.libvirt.EventKind;
import org.lvsh.model.DomainEvent;
import org.lvsh.model.DomainEvent.Graphics.Address;
import org.lvsh.model.DomainEvent.Graphics.Identity;
import org.lvsh.model.EventColumns;
import org.lvsh.model.EventParams;
import org.lvsh.model.JobStats;
import org.lvsh.model.TypedParam;
import org.lvsh.model.TypedParam.Type;

/**
 * Each of virsh's 27 kinds: its text as virsh 9.0 prints it (the format strings of tools/virsh-domain-event.c, as
 * the virsh binary holds them; EventsIT compares the kinds a test daemon can raise with virsh itself), its JSON
 * record, and its keys as EventColumns declares them (CSV's columns).
 */
class EventKindsTest {
    private static final String T = "2026-12-03T12:00:00.125Z";
    private static final String U = "11111111-2222-3333-4444-555555555555";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One event of each kind, and the text virsh prints for it. */
    private record Sample(DomainEvent event, String text) {
    }

    private static final Map<EventKind, Sample> SAMPLES = new EnumMap<>(EventKind.class);

    private static void sample(EventKind kind, DomainEvent event, String text) {
        SAMPLES.put(kind, new Sample(event, text));
    }

    private static String n(EventKind k) {
        return k.virshName();
    }

    static {
        for (EventKind k : EnumSet.of(EventKind.REBOOT, EventKind.CONTROL_ERROR, EventKind.PM_WAKEUP,
                EventKind.PM_SUSPEND, EventKind.PM_SUSPEND_DISK)) {
            sample(k, new DomainEvent.Plain(T, n(k), "web", U), "event '" + n(k) + "' for domain 'web'");
        }
        sample(EventKind.LIFECYCLE, new DomainEvent.Lifecycle(T, "lifecycle", "web", U, "Started", "Booted"),
                "event 'lifecycle' for domain 'web': Started Booted");
        sample(EventKind.RTC_CHANGE, new DomainEvent.RtcChange(T, "rtc-change", "web", U, -3600),
                "event 'rtc-change' for domain 'web': -3600");
        sample(EventKind.WATCHDOG, new DomainEvent.Watchdog(T, "watchdog", "web", U, "inject-nmi"),
                "event 'watchdog' for domain 'web': inject-nmi");
        sample(EventKind.IO_ERROR, new DomainEvent.IoError(T, "io-error", "web", U, "/var/lib/a.qcow2", "virtio-disk0",
                "pause", null), "event 'io-error' for domain 'web': /var/lib/a.qcow2 (virtio-disk0) pause");
        sample(EventKind.GRAPHICS, new DomainEvent.Graphics(T, "graphics", "web", U, "connect",
                new Address("IPv4", "127.0.0.1", "5900"), new Address("IPv6", "::1", "40970"), "vnc",
                List.of(new Identity("x509dname", "CN=alice"), new Identity("saslUsername", "alice"))),
                "event 'graphics' for domain 'web': connect local[IPv4 127.0.0.1 5900] remote[IPv6 ::1 40970] vnc\n"
                        + "\tx509dname=CN=alice\n"
                        + "\tsaslUsername=alice");
        sample(EventKind.IO_ERROR_REASON, new DomainEvent.IoError(T, "io-error-reason", "web", U, "/var/lib/a.qcow2",
                "virtio-disk0", "report", "enospc"),
                "event 'io-error-reason' for domain 'web': /var/lib/a.qcow2 (virtio-disk0) report due to enospc");
        sample(EventKind.BLOCK_JOB, new DomainEvent.BlockJob(T, "block-job", "web", U, "/var/lib/a.qcow2",
                "Block Commit", "failed"),
                "event 'block-job' for domain 'web': Block Commit for /var/lib/a.qcow2 failed");
        sample(EventKind.DISK_CHANGE, new DomainEvent.DiskChange(T, "disk-change", "web", U, "/isos/a.iso", null,
                "ide0-1-0", "dropped"), "event 'disk-change' for domain 'web' disk ide0-1-0: /isos/a.iso -> <null>: "
                + "dropped");
        sample(EventKind.TRAY_CHANGE, new DomainEvent.TrayChange(T, "tray-change", "web", U, "ide0-1-0", "opened"),
                "event 'tray-change' for domain 'web' disk ide0-1-0: opened");
        sample(EventKind.BALLOON_CHANGE, new DomainEvent.BalloonChange(T, "balloon-change", "web", U, 524288L),
                "event 'balloon-change' for domain 'web': 524288KiB");
        sample(EventKind.DEVICE_REMOVED, new DomainEvent.Device(T, "device-removed", "web", U, "hostdev0"),
                "event 'device-removed' for domain 'web': hostdev0");
        sample(EventKind.BLOCK_JOB_2, new DomainEvent.BlockJob(T, "block-job-2", "web", U, "vda", "Backup", "ready"),
                "event 'block-job-2' for domain 'web': Backup for vda ready");
        sample(EventKind.TUNABLE, new DomainEvent.Tunable(T, "tunable", "web", U, new EventParams(List.of(
                new TypedParam("cputune.vcpupin0", Type.STRING, "0-3"),
                new TypedParam("cputune.cpu_shares", Type.ULLONG, -1L),
                new TypedParam("cputune.global_quota", Type.LLONG, -1L),
                new TypedParam("blkdeviotune.group_name", Type.STRING, null),
                new TypedParam("x.flag", Type.BOOLEAN, true),
                new TypedParam("x.ratio", Type.DOUBLE, 1234567.0),
                new TypedParam("x.count", Type.UINT, 4294967295L),
                new TypedParam("x.newer", Type.UNKNOWN, 99)))),
                "event 'tunable' for domain 'web':\n"
                        + "\tcputune.vcpupin0: 0-3\n"
                        + "\tcputune.cpu_shares: 18446744073709551615\n"
                        + "\tcputune.global_quota: -1\n"
                        + "\tx.flag: 1\n"
                        + "\tx.ratio: 1.23457e+06\n"
                        + "\tx.count: 4294967295");
        sample(EventKind.AGENT_LIFECYCLE, new DomainEvent.AgentLifecycle(T, "agent-lifecycle", "web", U, "connected",
                "channel event"),
                "event 'agent-lifecycle' for domain 'web': state: 'connected' reason: 'channel event'");
        sample(EventKind.DEVICE_ADDED, new DomainEvent.Device(T, "device-added", "web", U, "net1"),
                "event 'device-added' for domain 'web': net1");
        sample(EventKind.MIGRATION_ITERATION, new DomainEvent.MigrationIteration(T, "migration-iteration", "web", U,
                3), "event 'migration-iteration' for domain 'web': iteration: '3'");
        sample(EventKind.JOB_COMPLETED, new DomainEvent.JobCompleted(T, "job-completed", "web", U, new JobStats(List.of(
                new TypedParam("operation", Type.INT, 5),
                new TypedParam("time_elapsed", Type.ULLONG, 1234L),
                new TypedParam("memory_bps", Type.ULLONG, 1000000L),
                new TypedParam("success", Type.BOOLEAN, true),
                new TypedParam("memory_iteration", Type.ULLONG, 2L),
                new TypedParam("newer_field", Type.LLONG, 7L)))),
                "event 'job-completed' for domain 'web':\n"
                        + "\toperation: 5\n"
                        + "\ttime_elapsed: 1234\n"
                        + "\tmemory_bps: 1000000\n"
                        + "\tsuccess: 1\n"
                        + "\tmemory_iteration: 2\n"
                        + "\tnewer_field: 7");
        sample(EventKind.DEVICE_REMOVAL_FAILED, new DomainEvent.Device(T, "device-removal-failed", "web", U,
                "hostdev0"), "event 'device-removal-failed' for domain 'web': hostdev0");
        sample(EventKind.METADATA_CHANGE, new DomainEvent.MetadataChange(T, "metadata-change", "web", U, "element",
                "http://example.org/x"),
                "event 'metadata-change' for domain 'web': type element, uri http://example.org/x");
        sample(EventKind.BLOCK_THRESHOLD, new DomainEvent.BlockThreshold(T, "block-threshold", "web", U, "vda[1]",
                "/var/lib/base.qcow2", 1073741824L, new java.math.BigInteger("18446744073709551615")),
                "event 'block-threshold' for domain 'web': dev: vda[1](/var/lib/base.qcow2) 1073741824 "
                        + "18446744073709551615");
        sample(EventKind.MEMORY_FAILURE, new DomainEvent.MemoryFailure(T, "memory-failure", "web", U, "guest", "inject",
                true, false), "event 'memory-failure' for domain 'web':\n"
                + "recipient: guest\n"
                + "action: inject\n"
                + "flags:\n"
                + "\taction required: 1\n"
                + "\trecursive: 0");
        sample(EventKind.MEMORY_DEVICE_SIZE_CHANGE, new DomainEvent.MemoryDeviceSizeChange(T,
                "memory-device-size-change", "web", U, "virtiomem0", 1048576L),
                "event 'memory-device-size-change' for domain 'web':\n"
                        + "alias: virtiomem0\n"
                        + "size: 1048576");
    }

    @ParameterizedTest
    @EnumSource(EventKind.class)
    void textIsVirshs(EventKind kind) {
        Sample s = SAMPLES.get(kind);
        assertEquals(kind.virshName(), s.event().event());
        assertEquals(s.text(), EventText.text(s.event(), false));
        assertEquals("2026-12-03 12:00:00.125+0000: " + s.text(), EventText.text(s.event(), true));
    }

    /** The JSON record has the kind's keys, in EventColumns' order (so CSV has a column for each). */
    @ParameterizedTest
    @EnumSource(EventKind.class)
    void jsonKeysAreTheKindsColumns(EventKind kind) throws Exception {
        JsonNode record = JSON.readTree(Json.line(SAMPLES.get(kind).event()));
        List<String> keys = new ArrayList<>();
        record.fieldNames().forEachRemaining(keys::add);
        assertEquals(EventColumns.keys(kind.virshName()), keys);
        List<String> all = EventColumns.of(List.of(kind.virshName()));
        assertEquals(EventColumns.FIRST, all.subList(0, EventColumns.FIRST.size()), "the first nine come first");
        assertEquals(true, all.containsAll(keys), "a column for every key");
    }

    @Test
    void jsonIsTypedWithUnitsInTheKeys() {
        assertEquals("{\"timestamp\": \"" + T + "\", \"event\": \"tunable\", \"domain\": \"web\", \"uuid\": \"" + U
                + "\", \"params\": {\"cputune.vcpupin0\": \"0-3\", \"cputune.cpu_shares\": 18446744073709551615, "
                + "\"cputune.global_quota\": -1, \"blkdeviotune.group_name\": null, \"x.flag\": true, "
                + "\"x.ratio\": 1234567.0, \"x.count\": 4294967295}}",
                Json.line(SAMPLES.get(EventKind.TUNABLE).event()));
        assertEquals("{\"timestamp\": \"" + T + "\", \"event\": \"job-completed\", \"domain\": \"web\", \"uuid\": \""
                + U + "\", \"stats\": {\"operation\": \"migration_out\", \"time_elapsed_ms\": 1234, "
                + "\"memory_bytes_per_s\": 1000000, \"success\": true, \"memory_iteration\": 2, \"newer_field\": 7}}",
                Json.line(SAMPLES.get(EventKind.JOB_COMPLETED).event()));
        assertEquals("{\"timestamp\": \"" + T + "\", \"event\": \"graphics\", \"domain\": \"web\", \"uuid\": \"" + U
                + "\", \"phase\": \"connect\", \"local\": {\"family\": \"IPv4\", \"node\": \"127.0.0.1\", "
                + "\"service\": \"5900\"}, \"remote\": {\"family\": \"IPv6\", \"node\": \"::1\", "
                + "\"service\": \"40970\"}, "
                + "\"auth_scheme\": \"vnc\", \"subject\": [{\"type\": \"x509dname\", \"name\": \"CN=alice\"}, "
                + "{\"type\": \"saslUsername\", \"name\": \"alice\"}]}",
                Json.line(SAMPLES.get(EventKind.GRAPHICS).event()));
        assertEquals("{\"timestamp\": \"" + T + "\", \"event\": \"block-threshold\", \"domain\": \"web\", \"uuid\": \""
                + U + "\", \"disk\": \"vda[1]\", \"src_path\": \"/var/lib/base.qcow2\", "
                + "\"threshold_bytes\": 1073741824, "
                + "\"excess_bytes\": 18446744073709551615}", Json.line(SAMPLES.get(EventKind.BLOCK_THRESHOLD).event()));
        assertEquals("{\"timestamp\": \"" + T + "\", \"event\": \"memory-failure\", \"domain\": \"web\", \"uuid\": \""
                + U + "\", \"recipient\": \"guest\", \"action\": \"inject\", \"action_required\": true, "
                + "\"recursive\": false}", Json.line(SAMPLES.get(EventKind.MEMORY_FAILURE).event()));
        assertEquals("{\"timestamp\": \"" + T + "\", \"event\": \"rtc-change\", \"domain\": \"web\", \"uuid\": \"" + U
                + "\", \"utc_offset_s\": -3600}", Json.line(SAMPLES.get(EventKind.RTC_CHANGE).event()));
    }

    /** Kinds watched: the first release's nine columns, then each new key once, in virsh's order of the kinds. */
    @Test
    void csvColumnsOfAWatch() {
        assertEquals(EventColumns.FIRST, EventColumns.of(List.of("lifecycle", "reboot", "io-error", "pm-wakeup",
                "pm-suspend", "agent-lifecycle")));
        assertEquals(List.of("timestamp", "event", "domain", "uuid", "type", "detail", "src_path", "dev_alias",
                "action", "utc_offset_s", "phase", "local", "remote", "auth_scheme", "subject", "reason", "disk",
                "job_type", "status", "old_src_path", "new_src_path", "actual_kib", "params", "iteration", "stats",
                "nsuri", "threshold_bytes", "excess_bytes", "recipient", "action_required", "recursive", "size_kib"),
                EventColumns.of(java.util.Arrays.stream(EventKind.values()).map(EventKind::virshName).toList()));
    }

    /** Values from the guest or the daemon cannot break a line or drive the terminal: each is escaped. */
    @Test
    void controlCharactersAreEscapedInEveryValue() {
        DomainEvent tunable = new DomainEvent.Tunable(T, "tunable", "we\tb\u001b[2J", U, new EventParams(List.of(
                new TypedParam("cputune.vcpupin0", Type.STRING, "0\n\tfake: line"))));
        assertEquals("event 'tunable' for domain 'we\\x09b\\x1b[2J':\n\tcputune.vcpupin0: 0\\x0a\\x09fake: line",
                EventText.text(tunable, false));
        DomainEvent disk = new DomainEvent.DiskChange(T, "disk-change", "web", U, "/a\r.iso", null, "ide\u00850",
                "changed");
        assertEquals("event 'disk-change' for domain 'web' disk ide\\x850: /a\\x0d.iso -> <null>: changed",
                EventText.text(disk, false));
    }

    /** C's %g, as libvirt prints a double parameter (expected values from printf). */
    @Test
    void doublesAsPrintfG() {
        Map<Double, String> cases = Map.ofEntries(Map.entry(0.5, "0.5"), Map.entry(1e6, "1e+06"),
                Map.entry(123456789.0, "1.23457e+08"), Map.entry(0.0001, "0.0001"), Map.entry(0.00001, "1e-05"),
                Map.entry(100000.0, "100000"), Map.entry(-1.5e-10, "-1.5e-10"), Map.entry(999999.5, "1e+06"),
                Map.entry(1.0 / 3, "0.333333"), Map.entry(0.000123456789, "0.000123457"),
                Map.entry(Double.MIN_VALUE, "4.94066e-324"), Map.entry(Double.MAX_VALUE, "1.79769e+308"),
                Map.entry(0.0, "0"), Map.entry(-0.0, "-0"), Map.entry(Double.NaN, "nan"),
                Map.entry(Double.NEGATIVE_INFINITY, "-inf"));
        cases.forEach((d, s) -> assertEquals(s, PrintfG.of(d), Double.toString(d)));
    }
}
