package org.lvsh.libvirt;

/** The domain event kinds lvsh can watch (those libvirt-java delivers), under virsh's names. */
public enum EventKind {
    LIFECYCLE("lifecycle"),
    REBOOT("reboot"),
    IO_ERROR("io-error"),
    PM_WAKEUP("pm-wakeup"),
    PM_SUSPEND("pm-suspend"),
    AGENT_LIFECYCLE("agent-lifecycle");

    private final String virshName;

    EventKind(String virshName) {
        this.virshName = virshName;
    }

    public String virshName() {
        return virshName;
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
