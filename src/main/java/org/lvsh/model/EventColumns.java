package org.lvsh.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys of each kind of {@link DomainEvent}, and the CSV columns of a watch: the nine columns of lvsh's first
 * release always come first, in their order (a watch of the kinds it knew prints what it printed), then the keys
 * of the other kinds watched, each once, in virsh's order of the kinds.
 */
public final class EventColumns {
    private static final List<String> COMMON = List.of("timestamp", "event", "domain", "uuid");
    /** What `event -o csv` printed before every kind of virsh's was watched. */
    public static final List<String> FIRST = List.of("timestamp", "event", "domain", "uuid", "type", "detail",
            "src_path", "dev_alias", "action");

    // each kind's own keys, after the common four; kinds in virsh's order
    private static final Map<String, List<String>> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("lifecycle", List.of("type", "detail"));
        KEYS.put("reboot", List.of());
        KEYS.put("rtc-change", List.of("utc_offset_s"));
        KEYS.put("watchdog", List.of("action"));
        KEYS.put("io-error", List.of("src_path", "dev_alias", "action"));
        KEYS.put("graphics", List.of("phase", "local", "remote", "auth_scheme", "subject"));
        KEYS.put("io-error-reason", List.of("src_path", "dev_alias", "action", "reason"));
        KEYS.put("control-error", List.of());
        KEYS.put("block-job", List.of("disk", "job_type", "status"));
        KEYS.put("disk-change", List.of("old_src_path", "new_src_path", "dev_alias", "reason"));
        KEYS.put("tray-change", List.of("dev_alias", "reason"));
        KEYS.put("pm-wakeup", List.of());
        KEYS.put("pm-suspend", List.of());
        KEYS.put("balloon-change", List.of("actual_kib"));
        KEYS.put("pm-suspend-disk", List.of());
        KEYS.put("device-removed", List.of("dev_alias"));
        KEYS.put("block-job-2", List.of("disk", "job_type", "status"));
        KEYS.put("tunable", List.of("params"));
        KEYS.put("agent-lifecycle", List.of("type", "detail"));
        KEYS.put("device-added", List.of("dev_alias"));
        KEYS.put("migration-iteration", List.of("iteration"));
        KEYS.put("job-completed", List.of("stats"));
        KEYS.put("device-removal-failed", List.of("dev_alias"));
        KEYS.put("metadata-change", List.of("type", "nsuri"));
        KEYS.put("block-threshold", List.of("disk", "src_path", "threshold_bytes", "excess_bytes"));
        KEYS.put("memory-failure", List.of("recipient", "action", "action_required", "recursive"));
        KEYS.put("memory-device-size-change", List.of("dev_alias", "size_kib"));
    }

    private EventColumns() {
    }

    /** Every key an event of kind {@code event} (virsh's name) has, in the order its record gives them. */
    public static List<String> keys(String event) {
        List<String> own = KEYS.get(event);
        if (own == null) {
            throw new IllegalArgumentException("no such event kind: " + event);
        }
        List<String> all = new ArrayList<>(COMMON);
        all.addAll(own);
        return all;
    }

    /** The CSV columns of a watch of these kinds (virsh's names). */
    public static List<String> of(Collection<String> events) {
        List<String> columns = new ArrayList<>(FIRST);
        for (Map.Entry<String, List<String>> k : KEYS.entrySet()) {
            if (events.contains(k.getKey())) {
                for (String key : k.getValue()) {
                    if (!columns.contains(key)) {
                        columns.add(key);
                    }
                }
            }
        }
        return columns;
    }
}
