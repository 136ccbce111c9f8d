package org.lvsh.libvirt.jna;

import com.sun.jna.Pointer;
import com.sun.jna.PointerType;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import com.sun.jna.Native;
import org.libvirt.Domain;
import org.lvsh.libvirt.LibvirtFailure;

/**
 * Typed entry points for the libvirt calls the binding lacks. The binding keeps its domain pointers to itself
 * (Domain.vdp is package-private); they are read here, by reflection, and nowhere else.
 */
public final class Natives {
    private static final Field DOMAIN_POINTER = field(Domain.class, "vdp");

    private Natives() {
    }

    /** Free memory of cells [start, start + max), in bytes. */
    public static long[] cellsFreeMemory(NativeConnection conn, int start, int max) {
        long[] free = new long[max];
        int n = check(Virt.virNodeGetCellsFreeMemory(handle(conn), free, start, max));
        return Arrays.copyOf(free, n);
    }

    /**
     * Free page counts, cell-major: counts[c * pages.length + p] is the count of pages[p] KiB pages in cell
     * start + c.
     */
    public static long[] freePages(NativeConnection conn, int[] pagesKib, int startCell, int cellCount) {
        long[] counts = new long[pagesKib.length * cellCount];
        check(Virt.virNodeGetFreePages(handle(conn), pagesKib.length, pagesKib, startCell, cellCount,
                counts, 0));
        return counts;
    }

    /** virConnectListAllDomains: one call for every domain that matches the filter flags. */
    public static DomainList listAllDomains(NativeConnection conn, int flags) {
        PointerByReference array = new PointerByReference();
        int n = check(Virt.virConnectListAllDomains(handle(conn), array, flags));
        return DomainList.adopt(array.getValue(), n);
    }

    /** virConnectGetAllDomainStats: the statistics of every domain the filter flags let through, in one call. */
    public static List<org.lvsh.model.DomainStatsRecord> allDomainStats(NativeConnection conn, int stats,
                                                                        int flags) {
        return DomainStatsList.all(handle(conn), stats, flags);
    }

    /** virDomainListGetStats: the statistics of these domains (still the caller's to free), in one call. */
    public static List<org.lvsh.model.DomainStatsRecord> domainStats(List<Domain> domains, int stats, int flags) {
        List<Pointer> pointers = new ArrayList<>(domains.size());
        for (Domain d : domains) {
            pointers.add(handle(d));
        }
        return DomainStatsList.of(pointers, stats, flags);
    }

    /** virDomainGetState: {state, reason}. */
    public static int[] state(Domain domain) {
        return DomainList.state(handle(domain));
    }

    /** virDomainGetMessages: libvirt's warnings about the domain; none where the driver cannot tell. */
    public static List<String> messages(Domain domain) {
        PointerByReference array = new PointerByReference();
        int n = Virt.virDomainGetMessages(handle(domain), array, 0);
        if (n <= 0) {
            Virt.virResetLastError();
            return List.of();
        }
        Pointer strings = array.getValue();
        List<String> messages = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Pointer s = strings.getPointer((long) i * Native.POINTER_SIZE);
            messages.add(s.getString(0, "UTF-8"));
            Native.free(Pointer.nativeValue(s));
        }
        Native.free(Pointer.nativeValue(strings));
        return messages;
    }

    /** A string libvirt allocated for the caller: read, then freed; null means the call failed. */
    static String takeString(Pointer p) {
        if (p == null) {
            throw new LibvirtFailure(ErrorCapture.last());
        }
        try {
            return p.getString(0, "UTF-8");
        } finally {
            Native.free(Pointer.nativeValue(p));
        }
    }

    static int check(int result) {
        if (result < 0) {
            throw new LibvirtFailure(ErrorCapture.last());
        }
        return result;
    }

    private static Pointer handle(NativeConnection conn) {
        return conn.pointer();
    }

    private static Pointer handle(Domain domain) {
        return pointer(DOMAIN_POINTER, domain, "domain");
    }

    private static Pointer pointer(Field field, Object owner, String what) {
        try {
            PointerType p = (PointerType) field.get(owner);
            if (p == null || p.getPointer() == null) {
                throw new IllegalStateException("the " + what + " is closed");
            }
            return p.getPointer();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field field(Class<?> owner, String name) {
        try {
            Field f = owner.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError("libvirt-java changed: no " + owner.getName() + "." + name);
        }
    }
}
