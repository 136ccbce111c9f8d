package org.lvsh.libvirt;

/** virConnectListAllDomains filter flags. Flags of one group are alternatives; groups combine with AND. */
public final class ListFilter {
    public static final int ACTIVE = 1;
    public static final int INACTIVE = 1 << 1;
    public static final int PERSISTENT = 1 << 2;
    public static final int TRANSIENT = 1 << 3;
    public static final int RUNNING = 1 << 4;
    public static final int PAUSED = 1 << 5;
    public static final int SHUTOFF = 1 << 6;
    public static final int OTHER = 1 << 7;
    public static final int MANAGEDSAVE = 1 << 8;
    public static final int NO_MANAGEDSAVE = 1 << 9;
    public static final int AUTOSTART = 1 << 10;
    public static final int NO_AUTOSTART = 1 << 11;
    public static final int HAS_SNAPSHOT = 1 << 12;
    public static final int NO_SNAPSHOT = 1 << 13;
    public static final int HAS_CHECKPOINT = 1 << 14;
    public static final int NO_CHECKPOINT = 1 << 15;

    static final int PERSISTENCE_GROUP = PERSISTENT | TRANSIENT;
    static final int MANAGEDSAVE_GROUP = MANAGEDSAVE | NO_MANAGEDSAVE;
    static final int AUTOSTART_GROUP = AUTOSTART | NO_AUTOSTART;

    private ListFilter() {
    }

    /** The same filter with one group replaced by {@code only}: who, among the listed, has that property. */
    static int narrowed(int flags, int group, int only) {
        return flags & ~group | only;
    }
}
