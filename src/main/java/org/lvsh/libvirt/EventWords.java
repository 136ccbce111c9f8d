package org.lvsh.libvirt;

import java.util.List;

/**
 * virsh 9.0's words for the codes domain events carry (tools/virsh-domain-event.c), indexed by libvirt's codes,
 * with virsh's word for a code it does not know ("unknown", or "unsupported value" where virsh says so).
 */
public final class EventWords {
    private static final String UNKNOWN = "unknown";
    private static final String UNSUPPORTED = "unsupported value";

    private static final List<String> TYPES = List.of("Defined", "Undefined", "Started", "Suspended", "Resumed",
            "Stopped", "Shutdown", "PMSuspended", "Crashed");
    private static final List<List<String>> DETAILS = List.of(
            List.of("Added", "Updated", "Renamed", "Snapshot"),
            List.of("Removed", "Renamed"),
            List.of("Booted", "Migrated", "Restored", "Snapshot", "Event wakeup"),
            List.of("Paused", "Migrated", "I/O Error", "Watchdog", "Restored", "Snapshot", "API error", "Post-copy",
                    "Post-copy Error"),
            List.of("Unpaused", "Migrated", "Snapshot", "Post-copy", "Post-copy Error"),
            List.of("Shutdown", "Destroyed", "Crashed", "Migrated", "Saved", "Failed", "Snapshot"),
            List.of("Finished", "Finished after guest request", "Finished after host request"),
            List.of("Memory", "Disk"),
            List.of("Panicked", "Crashloaded"));
    private static final List<String> IO_ERROR_ACTIONS = List.of("none", "pause", "report");
    private static final List<String> AGENT_STATES = List.of("unknown", "connected", "disconnected");
    private static final List<String> AGENT_REASONS = List.of("unknown", "domain started", "channel event");
    private static final List<String> WATCHDOG_ACTIONS = List.of("none", "pause", "reset", "poweroff", "shutdown",
            "debug", "inject-nmi");
    private static final List<String> GRAPHICS_PHASES = List.of("connect", "initialize", "disconnect");
    private static final List<String> ADDRESS_FAMILIES = List.of("IPv4", "IPv6", "unix");
    // virsh-domain.c's names of virDomainBlockJobType, which virsh's unknown is the first of
    private static final List<String> BLOCK_JOB_TYPES = List.of("Unknown job", "Block Pull", "Block Copy",
            "Block Commit", "Active Block Commit", "Backup");
    private static final List<String> BLOCK_JOB_STATUSES = List.of("completed", "failed", "canceled", "ready");
    private static final List<String> DISK_CHANGE_REASONS = List.of("changed", "dropped");
    private static final List<String> TRAY_CHANGE_REASONS = List.of("opened", "closed");
    private static final List<String> METADATA_TYPES = List.of("description", "title", "element");
    private static final List<String> MEMORY_FAILURE_RECIPIENTS = List.of("hypervisor", "guest");
    private static final List<String> MEMORY_FAILURE_ACTIONS = List.of("ignore", "inject", "fatal", "reset");

    private EventWords() {
    }

    public static String type(int type) {
        return at(TYPES, type, UNKNOWN);
    }

    public static String detail(int type, int detail) {
        return type >= 0 && type < DETAILS.size() ? at(DETAILS.get(type), detail, UNKNOWN) : UNKNOWN;
    }

    public static String ioErrorAction(int action) {
        return at(IO_ERROR_ACTIONS, action, UNKNOWN);
    }

    public static String agentState(int state) {
        return at(AGENT_STATES, state, UNSUPPORTED);
    }

    public static String agentReason(int reason) {
        return at(AGENT_REASONS, reason, UNSUPPORTED);
    }

    public static String watchdogAction(int action) {
        return at(WATCHDOG_ACTIONS, action, UNKNOWN);
    }

    public static String graphicsPhase(int phase) {
        return at(GRAPHICS_PHASES, phase, UNKNOWN);
    }

    public static String addressFamily(int family) {
        return at(ADDRESS_FAMILIES, family, UNKNOWN);
    }

    public static String blockJobType(int type) {
        return at(BLOCK_JOB_TYPES, type, BLOCK_JOB_TYPES.get(0));
    }

    public static String blockJobStatus(int status) {
        return at(BLOCK_JOB_STATUSES, status, UNKNOWN);
    }

    public static String diskChangeReason(int reason) {
        return at(DISK_CHANGE_REASONS, reason, UNKNOWN);
    }

    public static String trayChangeReason(int reason) {
        return at(TRAY_CHANGE_REASONS, reason, UNKNOWN);
    }

    public static String metadataType(int type) {
        return at(METADATA_TYPES, type, UNSUPPORTED);
    }

    public static String memoryFailureRecipient(int recipient) {
        return at(MEMORY_FAILURE_RECIPIENTS, recipient, UNSUPPORTED);
    }

    public static String memoryFailureAction(int action) {
        return at(MEMORY_FAILURE_ACTIONS, action, UNSUPPORTED);
    }

    private static String at(List<String> words, int i, String otherwise) {
        return i >= 0 && i < words.size() ? words.get(i) : otherwise;
    }
}
