package org.lvsh.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job's statistics (job-completed), in libvirt's order: virsh prints libvirt's fields; structured output gives
 * the unit in the key ("time_elapsed_ms", "data_total_bytes") and the operation as a word. A field lvsh does not
 * know keeps libvirt's name; one of a type lvsh does not know is left out, as virsh leaves it out of its text.
 */
public record JobStats(List<TypedParam> list) {
    // libvirt's VIR_DOMAIN_JOB_* fields (libvirt-domain.h) and their units
    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("time_elapsed", "time_elapsed_ms"),
            Map.entry("time_elapsed_net", "time_elapsed_net_ms"),
            Map.entry("time_remaining", "time_remaining_ms"),
            Map.entry("downtime", "downtime_ms"),
            Map.entry("downtime_net", "downtime_net_ms"),
            Map.entry("setup_time", "setup_time_ms"),
            Map.entry("data_total", "data_total_bytes"),
            Map.entry("data_processed", "data_processed_bytes"),
            Map.entry("data_remaining", "data_remaining_bytes"),
            Map.entry("memory_total", "memory_total_bytes"),
            Map.entry("memory_processed", "memory_processed_bytes"),
            Map.entry("memory_remaining", "memory_remaining_bytes"),
            Map.entry("memory_constant", "memory_constant_pages"),
            Map.entry("memory_normal", "memory_normal_pages"),
            Map.entry("memory_bps", "memory_bytes_per_s"),
            Map.entry("memory_dirty_rate", "memory_dirty_rate_pages_per_s"),
            Map.entry("memory_page_size", "memory_page_size_bytes"),
            Map.entry("disk_total", "disk_total_bytes"),
            Map.entry("disk_processed", "disk_processed_bytes"),
            Map.entry("disk_remaining", "disk_remaining_bytes"),
            Map.entry("disk_bps", "disk_bytes_per_s"),
            Map.entry("disk_temp_used", "disk_temp_used_bytes"),
            Map.entry("disk_temp_total", "disk_temp_total_bytes"),
            Map.entry("compression_cache", "compression_cache_bytes"),
            Map.entry("auto_converge_throttle", "auto_converge_throttle_pct"),
            Map.entry("vfio_data_transferred", "vfio_data_transferred_bytes"),
            Map.entry("errmsg", "error_message"));
    // virDomainJobOperation
    private static final List<String> OPERATIONS = List.of("unknown", "start", "save", "restore", "migration_in",
            "migration_out", "snapshot", "snapshot_revert", "dump", "backup");
    private static final String OPERATION = "operation";

    public JobStats {
        list = List.copyOf(list);
    }

    @JsonValue
    public Map<String, Object> byKey() {
        Map<String, Object> stats = new LinkedHashMap<>();
        for (TypedParam p : list) {
            if (p.type() == TypedParam.Type.UNKNOWN) {
                continue;
            }
            if (p.field().equals(OPERATION) && p.value() instanceof Integer op) {
                stats.put(OPERATION, op >= 0 && op < OPERATIONS.size() ? OPERATIONS.get(op) : "unknown");
            } else {
                stats.put(KEYS.getOrDefault(p.field(), p.field()), StatsKeys.jsonValue(p));
            }
        }
        return stats;
    }
}
