package org.lvsh.libvirt.jna;

import com.sun.jna.Callback;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The libvirt C calls that libvirt-java 0.5.4 lacks or gets wrong. This package is the only code that talks to
 * libvirt through raw JNA; the rest of lvsh sees typed wrappers. Direct mapping (static natives): a listing of
 * 10,000 domains makes some 50,000 of these calls, and an interface proxy costs several times more per call.
 */
final class Virt {
    static {
        Native.register("virt");
        SaslLocks.install(); // before any call of this class can open a connection
    }

    private Virt() {
    }

    /** virErrorFunc: installing one keeps libvirt's default stderr printer silent. */
    interface ErrorFunc extends Callback {
        void invoke(Pointer userData, Pointer error);
    }

    static native void virSetErrorFunc(Pointer userData, ErrorFunc handler);

    static native Pointer virGetLastError();

    static native void virResetLastError();

    /** virConnectAuthCallbackPtr: fills in ncred virConnectCredential structures; 0 on success. */
    interface AuthFunc extends Callback {
        int invoke(Pointer cred, int ncred, Pointer cbdata);
    }

    static native Pointer virConnectOpenAuth(String uri, Pointer auth, int flags);

    static native int virConnectClose(Pointer conn);

    static native int virConnectIsAlive(Pointer conn);

    // These three return strings the caller frees.
    static native Pointer virConnectGetURI(Pointer conn);

    static native Pointer virConnectGetHostname(Pointer conn);

    static native Pointer virConnectGetCapabilities(Pointer conn);

    static native int virNodeGetInfo(Pointer conn, Pointer info);

    static native int virConnectGetMaxVcpus(Pointer conn, String type);

    // These two return strings the caller frees.
    static native Pointer virConnectGetDomainCapabilities(Pointer conn, String emulatorbin, String arch,
                                                          String machine, String virttype, int flags);

    static native Pointer virConnectGetSysinfo(Pointer conn, int flags);

    // virNodeMemoryStats and virNodeCPUStats: char field[80]; unsigned long long value. params null: the count.
    static native int virNodeGetMemoryStats(Pointer conn, int cellNum, Pointer params, IntByReference nparams,
                                            int flags);

    static native int virNodeGetCPUStats(Pointer conn, int cpuNum, Pointer params, IntByReference nparams,
                                         int flags);

    /** The map is malloc'd by libvirt for the caller to free; returns the number of CPUs present. */
    static native int virNodeGetCPUMap(Pointer conn, PointerByReference cpumap, IntByReference online, int flags);

    // The binding's getCellsFreeMemory hands libvirt a one-long buffer; free pages are not wrapped at all.
    static native int virNodeGetCellsFreeMemory(Pointer conn, long[] freeMems, int startCell, int maxCells);

    static native int virNodeGetFreePages(Pointer conn, int npages, int[] pages, int startCell, int cellCount,
                                          long[] counts, int flags);

    static native int virConnectListAllDomains(Pointer conn, PointerByReference domains, int flags);

    /** Every domain's statistics in one call; the records are freed with virDomainStatsRecordListFree. */
    static native int virConnectGetAllDomainStats(Pointer conn, int stats, PointerByReference retStats, int flags);

    static native int virDomainListGetStats(Pointer domains, int stats, PointerByReference retStats, int flags);

    static native void virDomainStatsRecordListFree(Pointer stats);

    static native String virDomainGetName(Pointer domain);

    static native int virDomainGetUUIDString(Pointer domain, byte[] buf);

    static native int virDomainGetID(Pointer domain);

    static native int virDomainGetState(Pointer domain, IntByReference state, IntByReference reason, int flags);

    static native Pointer virDomainGetMetadata(Pointer domain, int type, String uri, int flags);

    static native int virDomainGetMessages(Pointer domain, PointerByReference msgs, int flags);

    static native int virDomainFree(Pointer domain);

    /**
     * Domain events: {@code cb} is the function pointer of a callback of the event's own signature (libvirt casts
     * it back); returns the callback id that deregisters it.
     */
    static native int virConnectDomainEventRegisterAny(Pointer conn, Pointer dom, int eventID, Pointer cb,
                                                       Pointer opaque, Pointer freecb);

    static native int virConnectDomainEventDeregisterAny(Pointer conn, int callbackID);
}
