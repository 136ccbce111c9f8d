package org.lvsh.model;

import java.util.List;

/** libvirt's domain states, named as in the JSON contract, with virsh's human wording and reason texts. */
public enum DomainState {
    NOSTATE("no state"),
    RUNNING("running"),
    BLOCKED("idle"),
    PAUSED("paused"),
    SHUTDOWN("in shutdown"),
    SHUTOFF("shut off"),
    CRASHED("crashed"),
    PMSUSPENDED("pmsuspended");

    private final String text;

    DomainState(String text) {
        this.text = text;
    }

    public static DomainState of(int state) {
        return state >= 0 && state < values().length ? values()[state] : NOSTATE;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    /** The JSON name: nostate running blocked paused shutdown shutoff crashed pmsuspended. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** virsh's words: "running", "shut off", "in shutdown", ... */
    public String text() {
        return text;
    }

    /** virsh's words for virDomainGetState's reason, per state; "unknown" past the end of a list. */
    public String reasonText(int reason) {
        List<String> reasons = switch (this) {
            case NOSTATE -> List.of("unknown");
            case RUNNING -> List.of("unknown", "booted", "migrated", "restored", "from snapshot", "unpaused",
                    "migration canceled", "save canceled", "event wakeup", "crashed", "post-copy",
                    "post-copy failed");
            case BLOCKED -> List.of("unknown");
            case PAUSED -> List.of("unknown", "user", "migrating", "saving", "dumping", "I/O error", "watchdog",
                    "from snapshot", "shutting down", "creating snapshot", "crashed", "starting up",
                    "post-copy", "post-copy failed");
            case SHUTDOWN -> List.of("unknown", "user");
            case SHUTOFF -> List.of("unknown", "shutdown", "destroyed", "crashed", "migrated", "saved", "failed",
                    "from snapshot", "daemon");
            case CRASHED -> List.of("unknown", "panicked");
            case PMSUSPENDED -> List.of("unknown");
        };
        return reason >= 0 && reason < reasons.size() ? reasons.get(reason) : "unknown";
    }
}
