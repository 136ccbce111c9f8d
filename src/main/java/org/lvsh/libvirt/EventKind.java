package org.lvsh.libvirt;

/**
 * The domain event kinds of libvirt 9.0 under virsh's names, in virsh's order ({@code virsh event --list}), which
 * is libvirt's order of event ids (virDomainEventID): the ordinal is the id virConnectDomainEventRegisterAny takes.
 */
public enum EventKind {
    LIFECYCLE("lifecycle"),
    REBOOT("reboot"),
    RTC_CHANGE("rtc-change"),
    WATCHDOG("watchdog"),
    IO_ERROR("io-error"),
    GRAPHICS("graphics"),
    IO_ERROR_REASON("io-error-reason"),
    CONTROL_ERROR("control-error"),
    BLOCK_JOB("block-job"),
    DISK_CHANGE("disk-change"),
    TRAY_CHANGE("tray-change"),
    PM_WAKEUP("pm-wakeup"),
    PM_SUSPEND("pm-suspend"),
    BALLOON_CHANGE("balloon-change"),
    PM_SUSPEND_DISK("pm-suspend-disk"),
    DEVICE_REMOVED("device-removed"),
    BLOCK_JOB_2("block-job-2"),
    TUNABLE("tunable"),
    AGENT_LIFECYCLE("agent-lifecycle"),
    DEVICE_ADDED("device-added"),
    MIGRATION_ITERATION("migration-iteration"),
    JOB_COMPLETED("job-completed"),
    DEVICE_REMOVAL_FAILED("device-removal-failed"),
    METADATA_CHANGE("metadata-change"),
    BLOCK_THRESHOLD("block-threshold"),
    MEMORY_FAILURE("memory-failure"),
    MEMORY_DEVICE_SIZE_CHANGE("memory-device-size-change");

    private final String virshName;

    EventKind(String virshName) {
        this.virshName = virshName;
    }

    public String virshName() {
        return virshName;
    }

    /** libvirt's VIR_DOMAIN_EVENT_ID_* for this kind. */
    public int libvirtId() {
        return ordinal();
    }

    /** The kind virsh calls {@code name}, or null. */
    public static EventKind byName(String name) {
        for (EventKind k : values()) {
            if (k.virshName.equals(name)) {
                return k;
            }
        }
        return null;
    }
}
