package org.lvsh.libvirt.jna;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

/**
 * Domains returned by virConnectListAllDomains, owned until {@link #close()} frees every one of them. Name, id and
 * UUID are read from the local objects (no round-trip); states come from one virDomainListGetStats call.
 */
public final class DomainList implements AutoCloseable {
    private static final int STATS_STATE = 1;
    private static final int METADATA_TITLE = 1;
    private static final int UUID_STRING_BUFLEN = 37;
    // virDomainStatsRecord: { virDomainPtr dom; virTypedParameterPtr params; int nparams; }
    private static final int RECORD_PARAMS = Native.POINTER_SIZE;
    private static final int RECORD_NPARAMS = 2 * Native.POINTER_SIZE;
    // virTypedParameter: { char field[80]; int type; union value; } with the union 8-byte aligned.
    private static final int PARAM_TYPE = 80;
    private static final int PARAM_VALUE = 88;
    private static final int PARAM_SIZE = 96;
    private static final int PARAM_INT = 1;
    // field names with their terminating NUL, compared as bytes (no decoding per parameter)
    private static final byte[] STATE_STATE = "state.state\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STATE_REASON = "state.reason\0".getBytes(StandardCharsets.US_ASCII);

    private final Pointer[] domains;
    private String[] uuids;
    private boolean closed;

    private DomainList(Pointer[] domains) {
        this.domains = domains;
    }

    static DomainList adopt(Pointer array, int n) {
        Pointer[] domains = new Pointer[n];
        if (array != null) {
            for (int i = 0; i < n; i++) {
                domains[i] = array.getPointer((long) i * Native.POINTER_SIZE);
            }
            Native.free(Pointer.nativeValue(array));
        }
        return new DomainList(domains);
    }

    public int size() {
        return domains.length;
    }

    public String name(int i) {
        return Virt.virDomainGetName(domains[i]);
    }

    /** The domain's id, or -1 when it is not running. */
    public int id(int i) {
        return Virt.virDomainGetID(domains[i]);
    }

    public String uuid(int i) {
        return uuids()[i];
    }

    /** Read once: listing asks for them more than once. */
    private String[] uuids() {
        if (uuids == null) {
            uuids = new String[domains.length];
            for (int i = 0; i < domains.length; i++) {
                uuids[i] = uuidOf(domains[i]);
            }
        }
        return uuids;
    }

    /**
     * Every domain's {state, reason} from one virDomainListGetStats call, indexed like this list; null where the
     * driver lacks the bulk call (the caller then asks per domain) and a null entry for a domain the reply
     * left out (it vanished meanwhile).
     */
    public int[][] bulkStates() {
        if (domains.length == 0) {
            return new int[0][];
        }
        Memory array = new Memory((long) (domains.length + 1) * Native.POINTER_SIZE);
        for (int i = 0; i < domains.length; i++) {
            array.setPointer((long) i * Native.POINTER_SIZE, domains[i]);
        }
        array.setPointer((long) domains.length * Native.POINTER_SIZE, null);
        PointerByReference records = new PointerByReference();
        int n = Virt.virDomainListGetStats(array, STATS_STATE, records, 0);
        if (n < 0) {
            return null;
        }
        // libvirt answers in the order asked. Only when a domain vanished meanwhile (fewer records) is matching
        // by UUID needed, which costs a call per domain.
        int[][] states = new int[domains.length][];
        Map<String, Integer> byUuid = null;
        Pointer list = records.getValue();
        try {
            for (int r = 0; r < n; r++) {
                Pointer record = list.getPointer((long) r * Native.POINTER_SIZE);
                int i = r;
                if (n != domains.length) {
                    if (byUuid == null) {
                        byUuid = new HashMap<>(domains.length * 2);
                        for (int k = 0; k < domains.length; k++) {
                            byUuid.put(uuid(k), k);
                        }
                    }
                    Integer k = byUuid.get(uuidOf(record.getPointer(0)));
                    if (k == null) {
                        continue;
                    }
                    i = k;
                }
                states[i] = stateParams(record);
            }
        } finally {
            Virt.virDomainStatsRecordListFree(list);
        }
        return states;
    }

    /** The domain's title (virDomainGetMetadata: one round-trip), or "" when it has none. */
    public String title(int i) {
        Pointer text = Virt.virDomainGetMetadata(domains[i], METADATA_TITLE, null, 0);
        if (text == null) {
            Virt.virResetLastError();
            return "";
        }
        try {
            return text.getString(0, "UTF-8");
        } finally {
            Native.free(Pointer.nativeValue(text));
        }
    }

    /** One domain's {state, reason} by virDomainGetState: the per-domain fallback. */
    public int[] state(int i) {
        return state(domains[i]);
    }

    static int[] state(Pointer domain) {
        IntByReference state = new IntByReference();
        IntByReference reason = new IntByReference();
        Natives.check(Virt.virDomainGetState(domain, state, reason, 0));
        return new int[] {state.getValue(), reason.getValue()};
    }

    /** state.state and state.reason from a record's parameters, read from native memory in one piece. */
    private static int[] stateParams(Pointer record) {
        int count = record.getInt(RECORD_NPARAMS);
        int[] result = {0, 0};
        if (count <= 0) {
            return result;
        }
        ByteBuffer params = record.getPointer(RECORD_PARAMS).getByteBuffer(0, (long) count * PARAM_SIZE)
                .order(ByteOrder.nativeOrder());
        for (int p = 0; p < count; p++) {
            int base = p * PARAM_SIZE;
            if (params.getInt(base + PARAM_TYPE) != PARAM_INT) {
                continue;
            }
            if (named(params, base, STATE_REASON)) {
                result[1] = params.getInt(base + PARAM_VALUE);
            } else if (named(params, base, STATE_STATE)) {
                result[0] = params.getInt(base + PARAM_VALUE);
            }
        }
        return result;
    }

    private static boolean named(ByteBuffer params, int base, byte[] name) {
        for (int i = 0; i < name.length; i++) {
            if (params.get(base + i) != name[i]) {
                return false;
            }
        }
        return true;
    }

    private static String uuidOf(Pointer domain) {
        byte[] buf = new byte[UUID_STRING_BUFLEN];
        Natives.check(Virt.virDomainGetUUIDString(domain, buf));
        return new String(buf, 0, UUID_STRING_BUFLEN - 1, StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            for (Pointer d : domains) {
                Virt.virDomainFree(d);
            }
        }
    }
}
