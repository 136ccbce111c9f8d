package org.lvsh.libvirt.jna;

import com.sun.jna.CallbackReference;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.lang.reflect.Constructor;
import org.libvirt.Connect;
import org.libvirt.jna.ConnectionPointer;
import org.lvsh.libvirt.LibvirtFailure;
import org.lvsh.model.NodeInfo;

/**
 * A virConnectPtr opened through {@link Virt}, and the binding's {@code Connect} over it made only when a command
 * needs one. Opening through the binding first builds its proxy of some 400 libvirt functions (20-60 ms of every
 * one-shot run); the connection and the calls lvsh makes most often do not need it.
 */
public final class NativeConnection {
    private static final int VIRNODEINFO_SIZE = 64; // char model[32]; unsigned long memory; 6 unsigned ints

    private final Pointer handle;
    private Connect binding;
    private boolean closed;

    private NativeConnection(Pointer handle) {
        this.handle = handle;
    }

    /** virConnectOpenAuth with lvsh's credential callback; fails with libvirt's error. */
    public static NativeConnection open(String uri, AuthCallback callback, int flags) {
        ErrorCapture.install();
        // virConnectAuth: int *credtype; unsigned int ncredtype; virConnectAuthCallbackPtr cb; void *cbdata
        int[] types = callback.credentialTypes();
        Memory credTypes = new Memory(4L * types.length);
        credTypes.write(0, types, 0, types.length);
        int size = Native.POINTER_SIZE;
        Memory auth = new Memory(4L * size);
        auth.clear();
        auth.setPointer(0, credTypes);
        auth.setInt(size, types.length);
        auth.setPointer(2L * size, CallbackReference.getFunctionPointer(callback));
        Pointer p = Virt.virConnectOpenAuth(uri, auth, flags);
        // libvirt uses all three only while it opens; they must live until then
        java.lang.ref.Reference.reachabilityFence(credTypes);
        java.lang.ref.Reference.reachabilityFence(auth);
        java.lang.ref.Reference.reachabilityFence(callback);
        if (p == null) {
            throw new LibvirtFailure(ErrorCapture.last());
        }
        return new NativeConnection(p);
    }

    /** The binding's view of this connection, for the calls lvsh makes through it. */
    public synchronized Connect binding() {
        if (closed) {
            throw new IllegalStateException("the connection is closed");
        }
        if (binding == null) {
            ConnectionPointer pointer = new ConnectionPointer();
            pointer.setPointer(handle);
            binding = Wrap.connect(pointer);
        }
        return binding;
    }

    Pointer pointer() {
        if (closed) {
            throw new IllegalStateException("the connection is closed");
        }
        return handle;
    }

    /** The pointer, or null once closed (closing dropped what was registered on it). */
    synchronized Pointer pointerIfOpen() {
        return closed ? null : handle;
    }

    /** The canonical URI libvirt reports. */
    public String uri() {
        return Natives.takeString(Virt.virConnectGetURI(pointer()));
    }

    public String hostname() {
        return Natives.takeString(Virt.virConnectGetHostname(pointer()));
    }

    public String capabilities() {
        return Natives.takeString(Virt.virConnectGetCapabilities(pointer()));
    }

    /** virConnectIsAlive: whether the connection still works (a remote peer can go away). */
    public boolean isAlive() {
        return Natives.check(Virt.virConnectIsAlive(pointer())) == 1;
    }

    public NodeInfo nodeInfo() {
        try (Memory info = new Memory(VIRNODEINFO_SIZE)) {
            info.clear();
            Natives.check(Virt.virNodeGetInfo(pointer(), info));
            int b = 32 + Native.LONG_SIZE; // the unsigned ints after the memory size
            byte[] model = info.getByteArray(0, 32);
            int end = 0;
            while (end < model.length && model[end] != 0) {
                end++;
            }
            long memory = Native.LONG_SIZE == 8 ? info.getLong(32) : Integer.toUnsignedLong(info.getInt(32));
            return new NodeInfo(new String(model, 0, end, java.nio.charset.StandardCharsets.UTF_8), u32(info, b),
                    u32(info, b + 4), u32(info, b + 12), u32(info, b + 16), u32(info, b + 20), u32(info, b + 8),
                    new java.math.BigInteger(Long.toUnsignedString(memory)));
        }
    }

    /** virConnectGetMaxVcpus; type null: the connection's own. */
    public int maxVcpus(String type) {
        return Natives.check(Virt.virConnectGetMaxVcpus(pointer(), type));
    }

    /** virConnectGetDomainCapabilities for a virtualization type (null: the default one). */
    public String domainCapabilities(String virttype) {
        return Natives.takeString(Virt.virConnectGetDomainCapabilities(pointer(), null, null, null, virttype, 0));
    }

    public String sysinfo() {
        return Natives.takeString(Virt.virConnectGetSysinfo(pointer(), 0));
    }

    /** virNodeGetMemoryStats and virNodeGetCPUStats: one shape, (conn, which, params, nparams, flags). */
    private interface StatsCall {
        int call(Pointer conn, int which, Pointer params, IntByReference nparams, int flags);
    }

    /** How many statistics virNodeGetMemoryStats has for {@code cell} (-1: all cells). */
    public int memoryStatCount(int cell) {
        return statCount(Virt::virNodeGetMemoryStats, cell);
    }

    /** The host's memory statistics, libvirt's field names to values (KiB), in libvirt's order. */
    public java.util.LinkedHashMap<String, Long> memoryStats(int cell, int count) {
        return stats(Virt::virNodeGetMemoryStats, cell, count);
    }

    /** How many statistics virNodeGetCPUStats has for {@code cpu} (-1: all CPUs). */
    public int cpuStatCount(int cpu) {
        return statCount(Virt::virNodeGetCPUStats, cpu);
    }

    /** The host's CPU times (ns) or utilization, libvirt's field names to values, in libvirt's order. */
    public java.util.LinkedHashMap<String, Long> cpuStats(int cpu, int count) {
        return stats(Virt::virNodeGetCPUStats, cpu, count);
    }

    private int statCount(StatsCall call, int which) {
        IntByReference n = new IntByReference(0);
        Natives.check(call.call(pointer(), which, null, n, 0));
        return n.getValue();
    }

    private java.util.LinkedHashMap<String, Long> stats(StatsCall call, int which, int count) {
        try (Memory params = new Memory((long) STATS_SIZE * Math.max(1, count))) {
            params.clear();
            IntByReference n = new IntByReference(count);
            Natives.check(call.call(pointer(), which, params, n, 0));
            return stats(params, n.getValue());
        }
    }

    private static final int STATS_FIELD = 80;
    private static final int STATS_SIZE = STATS_FIELD + 8;

    private static java.util.LinkedHashMap<String, Long> stats(Memory params, int n) {
        java.util.LinkedHashMap<String, Long> stats = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            long at = (long) i * STATS_SIZE;
            byte[] field = params.getByteArray(at, STATS_FIELD);
            int end = 0;
            while (end < field.length && field[end] != 0) {
                end++;
            }
            stats.put(new String(field, 0, end, java.nio.charset.StandardCharsets.UTF_8),
                    params.getLong(at + STATS_FIELD));
        }
        return stats;
    }

    /** virNodeGetCPUMap: for each CPU present, whether it is online; and how many are. */
    public boolean[] cpuMap(IntByReference online) {
        PointerByReference map = new PointerByReference();
        int present = Natives.check(Virt.virNodeGetCPUMap(pointer(), map, online, 0));
        Pointer bits = map.getValue();
        try {
            boolean[] cpus = new boolean[present];
            for (int cpu = 0; cpu < present; cpu++) {
                cpus[cpu] = (bits.getByte(cpu / 8) & (1 << (cpu % 8))) != 0;
            }
            return cpus;
        } finally {
            if (bits != null) {
                Native.free(Pointer.nativeValue(bits));
            }
        }
    }

    private static long u32(Memory m, long offset) {
        return Integer.toUnsignedLong(m.getInt(offset));
    }

    /** Closes the connection once, through the binding when one was made (it then forgets its pointer). */
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (binding != null) {
            try {
                binding.close();
            } catch (org.libvirt.LibvirtException e) {
                // closing a dead connection reports an error we have nothing to do with
            }
        } else if (Virt.virConnectClose(handle) < 0) {
            Virt.virResetLastError();
        }
    }

    /** The binding's package-private constructor over an existing pointer. */
    private static final class Wrap {
        private static final Constructor<Connect> CONNECT;

        static {
            try {
                CONNECT = Connect.class.getDeclaredConstructor(ConnectionPointer.class);
                CONNECT.setAccessible(true);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError("libvirt-java changed: no Connect(ConnectionPointer)");
            }
        }

        static Connect connect(ConnectionPointer pointer) {
            try {
                return CONNECT.newInstance(pointer);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
