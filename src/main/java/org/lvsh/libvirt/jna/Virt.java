package org.lvsh.libvirt.jna;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The libvirt C calls that libvirt-java 0.5.4 lacks or gets wrong. This package is the only code that talks to
 * libvirt through raw JNA; the rest of lvsh sees typed wrappers.
 */
interface Virt extends Library {
    Virt INSTANCE = Native.load("virt", Virt.class);

    /** virErrorFunc: installing one keeps libvirt's default stderr printer silent. */
    interface ErrorFunc extends Callback {
        void invoke(Pointer userData, Pointer error);
    }

    void virSetErrorFunc(Pointer userData, ErrorFunc handler);

    Pointer virGetLastError();

    void virResetLastError();

    // The binding's getCellsFreeMemory hands libvirt a one-long buffer; free pages are not wrapped at all.
    int virNodeGetCellsFreeMemory(Pointer conn, long[] freeMems, int startCell, int maxCells);

    int virNodeGetFreePages(Pointer conn, int npages, int[] pages, int startCell, int cellCount,
                            long[] counts, int flags);

    int virConnectListAllDomains(Pointer conn, PointerByReference domains, int flags);

    int virDomainListGetStats(Pointer domains, int stats, PointerByReference retStats, int flags);

    void virDomainStatsRecordListFree(Pointer stats);

    String virDomainGetName(Pointer domain);

    int virDomainGetUUIDString(Pointer domain, byte[] buf);

    int virDomainGetID(Pointer domain);

    int virDomainGetState(Pointer domain, IntByReference state, IntByReference reason, int flags);

    Pointer virDomainGetMetadata(Pointer domain, int type, String uri, int flags);

    int virDomainGetMessages(Pointer domain, PointerByReference msgs, int flags);

    int virDomainFree(Pointer domain);
}
