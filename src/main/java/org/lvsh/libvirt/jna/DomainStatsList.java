package org.lvsh.libvirt.jna;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.libvirt.Domain;
import org.lvsh.model.DomainStatsRecord;
import org.lvsh.model.TypedParam;

/**
 * virConnectGetAllDomainStats and virDomainListGetStats: one call for many domains, the records copied into
 * {@link DomainStatsRecord}s and the native list (with its domains) freed by virDomainStatsRecordListFree before
 * returning.
 */
final class DomainStatsList {
    // virDomainStatsRecord: { virDomainPtr dom; virTypedParameterPtr params; int nparams; }
    private static final int RECORD_PARAMS = Native.POINTER_SIZE;
    private static final int RECORD_NPARAMS = 2 * Native.POINTER_SIZE;
    private static final int UUID_STRING_BUFLEN = 37;

    private DomainStatsList() {
    }

    static List<DomainStatsRecord> all(Pointer conn, int stats, int flags) {
        PointerByReference records = new PointerByReference();
        int n = Natives.check(Virt.virConnectGetAllDomainStats(conn, stats, records, flags));
        return take(records.getValue(), n);
    }

    /** The domains stay the caller's: libvirt takes its own references for the records. */
    static List<DomainStatsRecord> of(List<Pointer> domains, int stats, int flags) {
        Memory array = new Memory((long) (domains.size() + 1) * Native.POINTER_SIZE);
        for (int i = 0; i < domains.size(); i++) {
            array.setPointer((long) i * Native.POINTER_SIZE, domains.get(i));
        }
        array.setPointer((long) domains.size() * Native.POINTER_SIZE, null);
        PointerByReference records = new PointerByReference();
        int n = Natives.check(Virt.virDomainListGetStats(array, stats, records, flags));
        return take(records.getValue(), n);
    }

    private static List<DomainStatsRecord> take(Pointer list, int n) {
        if (list == null) {
            return List.of();
        }
        try {
            List<DomainStatsRecord> result = new ArrayList<>(n);
            for (int r = 0; r < n; r++) {
                Pointer record = list.getPointer((long) r * Native.POINTER_SIZE);
                if (record == null) {
                    break;
                }
                result.add(record(record));
            }
            return result;
        } finally {
            Virt.virDomainStatsRecordListFree(list);
        }
    }

    private static DomainStatsRecord record(Pointer record) {
        Pointer dom = record.getPointer(0);
        String name = Virt.virDomainGetName(dom);
        byte[] uuid = new byte[UUID_STRING_BUFLEN];
        Natives.check(Virt.virDomainGetUUIDString(dom, uuid));
        List<TypedParam> params = TypedParamArray.read(record.getPointer(RECORD_PARAMS),
                record.getInt(RECORD_NPARAMS));
        return new DomainStatsRecord(name, new String(uuid, 0, UUID_STRING_BUFLEN - 1, StandardCharsets.US_ASCII),
                Virt.virDomainGetID(dom), List.copyOf(params));
    }
}
