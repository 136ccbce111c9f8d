package org.lvsh.libvirt.jna;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.lvsh.libvirt.EventKind;
import org.lvsh.libvirt.EventWords;
import org.lvsh.libvirt.LibvirtFailure;
import org.lvsh.model.DomainEvent;
import org.lvsh.model.EventParams;
import org.lvsh.model.JobStats;

/**
 * Domain events through virConnectDomainEventRegisterAny, one callback per event id, each of that event's own C
 * signature. A callback runs on libvirt's event-loop thread: it copies what it needs into a {@link DomainEvent}
 * (the domain, the strings and the parameters are libvirt's, borrowed for the call: nothing is freed here) and
 * never lets an exception reach libvirt.
 *
 * <p>The callbacks are made once for the process and never collected: libvirt may still be dispatching an event
 * to one when it is deregistered on another thread. Each registration passes libvirt a token (the opaque pointer)
 * naming its receiver here; an event for a token already gone is dropped.
 */
public final class DomainEventCallbacks {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int UUID_STRING_BUFLEN = 37;
    private static final int P = Native.POINTER_SIZE;
    // virDomainMemoryFailureFlags
    private static final int ACTION_REQUIRED = 1;
    private static final int RECURSIVE = 2;

    private static final Map<Long, Consumer<DomainEvent>> RECEIVERS = new ConcurrentHashMap<>();
    private static final AtomicLong TOKENS = new AtomicLong();
    private static final Map<EventKind, Callback> CALLBACKS = callbacks();

    private DomainEventCallbacks() {
    }

    /** One kind registered on one connection; closing it deregisters (once). */
    public static final class Registration implements AutoCloseable {
        private final NativeConnection connection;
        private final int callbackId;
        private final long token;
        private boolean closed;

        private Registration(NativeConnection connection, int callbackId, long token) {
            this.connection = connection;
            this.callbackId = callbackId;
            this.token = token;
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            Pointer conn = connection.pointerIfOpen();
            if (conn != null && Virt.virConnectDomainEventDeregisterAny(conn, callbackId) < 0) {
                Virt.virResetLastError(); // a lost connection has nothing left to deregister
            }
            RECEIVERS.remove(token);
        }
    }

    /** Registers for events of {@code kind} of every domain; {@code receiver} gets them on the event-loop thread. */
    public static Registration register(NativeConnection connection, EventKind kind, Consumer<DomainEvent> receiver) {
        long token = TOKENS.incrementAndGet();
        RECEIVERS.put(token, receiver);
        int id = Virt.virConnectDomainEventRegisterAny(connection.pointer(), null, kind.libvirtId(),
                CallbackReference.getFunctionPointer(CALLBACKS.get(kind)), new Pointer(token), null);
        if (id < 0) {
            RECEIVERS.remove(token);
            throw new LibvirtFailure(ErrorCapture.last());
        }
        return new Registration(connection, id, token);
    }

    // ---- the C signatures (libvirt-domain.h), every string a const char * read as UTF-8 ------------------------

    interface LifecycleCallback extends Callback {
        int invoke(Pointer conn, Pointer dom, int event, int detail, Pointer opaque);
    }

    interface GenericCallback extends Callback {
        void invoke(Pointer conn, Pointer dom, Pointer opaque);
    }

    /** rtc-change (long long), balloon-change (unsigned long long). */
    interface LongCallback extends Callback {
        void invoke(Pointer conn, Pointer dom, long value, Pointer opaque);
    }

    /** watchdog, pm-wakeup, pm-suspend, pm-suspend-disk, migration-iteration. */
    interface IntCallback extends Callback {
        void invoke(Pointer conn, Pointer dom, int value, Pointer opaque);
    }

    interface IoErrorCallback extends Callback {
        void invoke(Pointer conn, Pointer dom, Pointer srcPath, Pointer devAlias, int action, Pointer opaque);
    }

    interface GraphicsCallback extends Callback {
        void invoke(Pointer conn, Pointer dom, int phase, Pointer local, Pointer remote, Pointer authScheme,
                    Pointer subject, Pointer opaque);
    }

    interface IoErrorReasonCallback extends Callback {
        void invoke(Pointer conn, Pointer dom, Pointer srcPath, Pointer devAlias, int action, Pointer reason,
                    Pointer opaque);
    }

    interface BlockJobCallback extends Callback {
        void invoke(Pointer conn, Pointer dom, Pointer disk, int type, int status, Pointer opaque);
    }

    interface DiskChangeCallback extends Callback {
        void invoke(Pointer conn, Pointer dom, Pointer oldSrcPath, Pointer newSrcPath, Pointer devAlias, int reason,
                    Pointer opaque);
    }

    /** tray-change. */
    interface StringIntCallback extends Callback {
        void invoke(Pointer conn, Pointer dom, Pointer devAlias, int reason, Pointer opaque);
    }

    /** device-removed, device-added, device-removal-failed. */
    interface StringCallback extends Callback {
        void invoke(Pointer conn, Pointer dom, Pointer devAlias, Pointer opaque);
    }

    /** tunable, job-completed: a virTypedParameter array libvirt frees after the call. */
    interface ParamsCallback extends Callback {
        void invoke(Pointer conn, Pointer dom, Pointer params, int nparams, Pointer opaque);
    }

    /** agent-lifecycle. */
    interface TwoIntsCallback extends Callback {
        void invoke(Pointer conn, Pointer dom, int state, int reason, Pointer opaque);
    }

    interface MetadataChangeCallback extends Callback {
        void invoke(Pointer conn, Pointer dom, int type, Pointer nsuri, Pointer opaque);
    }

    interface BlockThresholdCallback extends Callback {
        void invoke(Pointer conn, Pointer dom, Pointer dev, Pointer path, long threshold, long excess,
                    Pointer opaque);
    }

    interface MemoryFailureCallback extends Callback {
        void invoke(Pointer conn, Pointer dom, int recipient, int action, int flags, Pointer opaque);
    }

    /** memory-device-size-change. */
    interface StringLongCallback extends Callback {
        void invoke(Pointer conn, Pointer dom, Pointer alias, long size, Pointer opaque);
    }

    /** Builds the record from what every event has: when it came, the domain's name and UUID. */
    private interface Event {
        DomainEvent of(String at, String domain, String uuid);
    }

    private static Map<EventKind, Callback> callbacks() {
        Map<EventKind, Callback> m = new EnumMap<>(EventKind.class);
        for (EventKind k : EventKind.values()) {
            m.put(k, callback(k, k.virshName()));
        }
        return m;
    }

    private static Callback callback(EventKind kind, String name) {
        return switch (kind) {
            case LIFECYCLE -> (LifecycleCallback) (c, d, event, detail, o) -> {
                deliver(o, d, (at, dom, uuid) -> new DomainEvent.Lifecycle(at, name, dom, uuid,
                        EventWords.type(event), EventWords.detail(event, detail)));
                return 0;
            };
            case REBOOT, CONTROL_ERROR -> (GenericCallback) (c, d, o) -> deliver(o, d, plain(name));
            case PM_WAKEUP, PM_SUSPEND, PM_SUSPEND_DISK -> (IntCallback) (c, d, reason, o) -> deliver(o, d,
                    plain(name)); // libvirt defines no reasons: always 0
            case RTC_CHANGE -> (LongCallback) (c, d, offset, o) -> deliver(o, d, (at, dom, uuid) ->
                    new DomainEvent.RtcChange(at, name, dom, uuid, offset));
            case WATCHDOG -> (IntCallback) (c, d, action, o) -> deliver(o, d, (at, dom, uuid) ->
                    new DomainEvent.Watchdog(at, name, dom, uuid, EventWords.watchdogAction(action)));
            case IO_ERROR -> (IoErrorCallback) (c, d, src, alias, action, o) -> deliver(o, d, (at, dom, uuid) ->
                    new DomainEvent.IoError(at, name, dom, uuid, text(src), text(alias),
                            EventWords.ioErrorAction(action), null));
            case IO_ERROR_REASON -> (IoErrorReasonCallback) (c, d, src, alias, action, reason, o) -> deliver(o, d,
                    (at, dom, uuid) -> new DomainEvent.IoError(at, name, dom, uuid, text(src), text(alias),
                            EventWords.ioErrorAction(action), text(reason)));
            case GRAPHICS -> (GraphicsCallback) (c, d, phase, local, remote, scheme, subject, o) -> deliver(o, d,
                    (at, dom, uuid) -> new DomainEvent.Graphics(at, name, dom, uuid, EventWords.graphicsPhase(phase),
                            address(local), address(remote), text(scheme), identities(subject)));
            case BLOCK_JOB, BLOCK_JOB_2 -> (BlockJobCallback) (c, d, disk, type, status, o) -> deliver(o, d,
                    (at, dom, uuid) -> new DomainEvent.BlockJob(at, name, dom, uuid, text(disk),
                            EventWords.blockJobType(type), EventWords.blockJobStatus(status)));
            case DISK_CHANGE -> (DiskChangeCallback) (c, d, oldSrc, newSrc, alias, reason, o) -> deliver(o, d,
                    (at, dom, uuid) -> new DomainEvent.DiskChange(at, name, dom, uuid, text(oldSrc), text(newSrc),
                            text(alias), EventWords.diskChangeReason(reason)));
            case TRAY_CHANGE -> (StringIntCallback) (c, d, alias, reason, o) -> deliver(o, d, (at, dom, uuid) ->
                    new DomainEvent.TrayChange(at, name, dom, uuid, text(alias),
                            EventWords.trayChangeReason(reason)));
            case BALLOON_CHANGE -> (LongCallback) (c, d, actual, o) -> deliver(o, d, (at, dom, uuid) ->
                    new DomainEvent.BalloonChange(at, name, dom, uuid, unsigned(actual)));
            case DEVICE_REMOVED, DEVICE_ADDED, DEVICE_REMOVAL_FAILED -> (StringCallback) (c, d, alias, o) ->
                    deliver(o, d, (at, dom, uuid) -> new DomainEvent.Device(at, name, dom, uuid, text(alias)));
            case TUNABLE -> (ParamsCallback) (c, d, params, n, o) -> deliver(o, d, (at, dom, uuid) ->
                    new DomainEvent.Tunable(at, name, dom, uuid,
                            new EventParams(TypedParamArray.read(params, n))));
            case JOB_COMPLETED -> (ParamsCallback) (c, d, params, n, o) -> deliver(o, d, (at, dom, uuid) ->
                    new DomainEvent.JobCompleted(at, name, dom, uuid, new JobStats(TypedParamArray.read(params, n))));
            case AGENT_LIFECYCLE -> (TwoIntsCallback) (c, d, state, reason, o) -> deliver(o, d, (at, dom, uuid) ->
                    new DomainEvent.AgentLifecycle(at, name, dom, uuid, EventWords.agentState(state),
                            EventWords.agentReason(reason)));
            case MIGRATION_ITERATION -> (IntCallback) (c, d, iteration, o) -> deliver(o, d, (at, dom, uuid) ->
                    new DomainEvent.MigrationIteration(at, name, dom, uuid, iteration));
            case METADATA_CHANGE -> (MetadataChangeCallback) (c, d, type, nsuri, o) -> deliver(o, d,
                    (at, dom, uuid) -> new DomainEvent.MetadataChange(at, name, dom, uuid,
                            EventWords.metadataType(type), text(nsuri)));
            case BLOCK_THRESHOLD -> (BlockThresholdCallback) (c, d, dev, path, threshold, excess, o) -> deliver(o, d,
                    (at, dom, uuid) -> new DomainEvent.BlockThreshold(at, name, dom, uuid, text(dev), text(path),
                            unsigned(threshold), unsigned(excess)));
            case MEMORY_FAILURE -> (MemoryFailureCallback) (c, d, recipient, action, flags, o) -> deliver(o, d,
                    (at, dom, uuid) -> new DomainEvent.MemoryFailure(at, name, dom, uuid,
                            EventWords.memoryFailureRecipient(recipient), EventWords.memoryFailureAction(action),
                            (flags & ACTION_REQUIRED) != 0, (flags & RECURSIVE) != 0));
            case MEMORY_DEVICE_SIZE_CHANGE -> (StringLongCallback) (c, d, alias, size, o) -> deliver(o, d,
                    (at, dom, uuid) -> new DomainEvent.MemoryDeviceSizeChange(at, name, dom, uuid, text(alias),
                            unsigned(size)));
        };
    }

    /** Runs on the event-loop thread, inside libvirt's call: everything is read before it returns. */
    private static void deliver(Pointer opaque, Pointer dom, Event event) {
        try {
            Consumer<DomainEvent> receiver = RECEIVERS.get(Pointer.nativeValue(opaque));
            if (receiver == null || dom == null) {
                return; // deregistered meanwhile
            }
            byte[] uuid = new byte[UUID_STRING_BUFLEN];
            if (Virt.virDomainGetUUIDString(dom, uuid) < 0) {
                Virt.virResetLastError();
                return;
            }
            receiver.accept(event.of(ISO.format(Instant.now()), Virt.virDomainGetName(dom),
                    new String(uuid, 0, UUID_STRING_BUFLEN - 1, StandardCharsets.US_ASCII)));
        } catch (RuntimeException e) {
            // never let an exception cross into libvirt's event loop
        }
    }

    private static Event plain(String name) {
        return (at, dom, uuid) -> new DomainEvent.Plain(at, name, dom, uuid);
    }

    private static String text(Pointer p) {
        return p == null ? null : p.getString(0, "UTF-8");
    }

    /** An unsigned long long as a JSON number (a BigInteger above Long.MAX_VALUE). */
    private static Number unsigned(long v) {
        return v >= 0 ? (Number) v : new java.math.BigInteger(Long.toUnsignedString(v));
    }

    // virDomainEventGraphicsAddress: { int family; char *node; char *service; }
    private static DomainEvent.Graphics.Address address(Pointer a) {
        if (a == null) {
            return null;
        }
        return new DomainEvent.Graphics.Address(EventWords.addressFamily(a.getInt(0)), text(a.getPointer(P)),
                text(a.getPointer(2L * P)));
    }

    // virDomainEventGraphicsSubject: { int nidentity; virDomainEventGraphicsSubjectIdentity *identities; },
    // each identity { char *type; char *name; }
    private static List<DomainEvent.Graphics.Identity> identities(Pointer subject) {
        if (subject == null) {
            return List.of();
        }
        int n = subject.getInt(0);
        Pointer ids = subject.getPointer(P);
        List<DomainEvent.Graphics.Identity> list = new ArrayList<>(Math.max(n, 0));
        for (int i = 0; i < n && ids != null; i++) {
            list.add(new DomainEvent.Graphics.Identity(text(ids.getPointer(2L * i * P)),
                    text(ids.getPointer((2L * i + 1) * P))));
        }
        return List.copyOf(list);
    }
}
