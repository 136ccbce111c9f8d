package org.lvsh.libvirt;

import java.util.List;

/** virsh's words for lifecycle events and their details (tools/virsh-domain-event.c), indexed by libvirt's codes. */
public final class EventWords {
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

    private EventWords() {
    }

    public static String type(int type) {
        return at(TYPES, type, "unknown");
    }

    public static String detail(int type, int detail) {
        return type >= 0 && type < DETAILS.size() ? at(DETAILS.get(type), detail, "unknown") : "unknown";
    }

    public static String ioErrorAction(int action) {
        return at(IO_ERROR_ACTIONS, action, "unknown");
    }

    public static String agentState(int state) {
        return at(AGENT_STATES, state, "unsupported value");
    }

    public static String agentReason(int reason) {
        return at(AGENT_REASONS, reason, "unsupported value");
    }

    private static String at(List<String> words, int i, String otherwise) {
        return i >= 0 && i < words.size() ? words.get(i) : otherwise;
    }
}
