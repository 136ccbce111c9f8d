package org.lvsh.libvirt;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.event.AgentLifecycleListener;
import org.libvirt.event.DomainEvent;
import org.libvirt.event.IOErrorListener;
import org.libvirt.event.LifecycleListener;
import org.libvirt.event.PMSuspendListener;
import org.libvirt.event.PMWakeupListener;
import org.libvirt.event.RebootListener;
import org.lvsh.libvirt.jna.ErrorCapture;
import org.lvsh.libvirt.jna.Natives;
import org.lvsh.model.DomainEventRecord;

/**
 * A connection's domain events, fanned out to whoever watches. Each kind is registered with libvirt once, when
 * first watched, and deregistered when nobody watches any more; the binding cannot deregister reboot listeners,
 * so that one stays, silent. Callbacks run on the event-loop thread: they copy what they need, free the domain
 * and never throw back into libvirt.
 */
public final class EventHub {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Connect connect;
    private final CopyOnWriteArrayList<Watch> watches = new CopyOnWriteArrayList<>();
    private final Map<EventKind, Object> registered = new EnumMap<>(EventKind.class);

    EventHub(Connect connect) {
        this.connect = connect;
    }

    /** Stops a watch; closing it twice is harmless. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private record Watch(Set<EventKind> kinds, String uuid, Consumer<DomainEventRecord> sink) {
    }

    /**
     * Delivers events of {@code kinds} (for the domain with {@code uuid}, or every domain when null) to
     * {@code sink}, on the event-loop thread.
     */
    public synchronized Subscription watch(Set<EventKind> kinds, String uuid, Consumer<DomainEventRecord> sink) {
        EventLoop.start();
        Watch w = new Watch(EnumSet.copyOf(kinds), uuid, sink);
        for (EventKind k : kinds) {
            register(k);
        }
        watches.add(w);
        return () -> unwatch(w);
    }

    private synchronized void unwatch(Watch w) {
        if (!watches.remove(w)) {
            return;
        }
        for (EventKind k : new java.util.ArrayList<>(registered.keySet())) {
            if (watches.stream().noneMatch(other -> other.kinds.contains(k))) {
                deregister(k);
            }
        }
    }

    private void register(EventKind kind) {
        if (registered.containsKey(kind)) {
            return;
        }
        Object listener = switch (kind) {
            case LIFECYCLE -> (LifecycleListener) this::lifecycle;
            case REBOOT -> (RebootListener) d -> deliver(EventKind.REBOOT, d, null, null, null, null, null);
            case IO_ERROR -> (IOErrorListener) (d, src, alias, action) -> deliver(EventKind.IO_ERROR, d, null, null,
                    src, alias, EventWords.ioErrorAction(action.ordinal()));
            case PM_WAKEUP -> (PMWakeupListener) (d, r) -> deliver(EventKind.PM_WAKEUP, d, null, null, null, null,
                    null);
            case PM_SUSPEND -> (PMSuspendListener) (d, r) -> deliver(EventKind.PM_SUSPEND, d, null, null, null, null,
                    null);
            case AGENT_LIFECYCLE -> (AgentLifecycleListener) (d, state, reason) -> deliver(EventKind.AGENT_LIFECYCLE,
                    d, EventWords.agentState(state), EventWords.agentReason(reason), null, null, null);
        };
        LibvirtFailure.call(() -> {
            switch (kind) {
                case LIFECYCLE -> connect.addLifecycleListener((LifecycleListener) listener);
                case REBOOT -> connect.addRebootListener((RebootListener) listener);
                case IO_ERROR -> connect.addIOErrorListener((IOErrorListener) listener);
                case PM_WAKEUP -> connect.addPMWakeupListener((PMWakeupListener) listener);
                case PM_SUSPEND -> connect.addPMSuspendListener((PMSuspendListener) listener);
                case AGENT_LIFECYCLE -> connect.addAgentLifecycleListener((AgentLifecycleListener) listener);
            }
            return null;
        });
        registered.put(kind, listener);
    }

    private void deregister(EventKind kind) {
        Object listener = registered.get(kind);
        try {
            switch (kind) {
                case LIFECYCLE -> connect.removeLifecycleListener((LifecycleListener) listener);
                case IO_ERROR -> connect.removeIOErrorListener((IOErrorListener) listener);
                case PM_WAKEUP -> connect.removePMWakeupListener((PMWakeupListener) listener);
                case PM_SUSPEND -> connect.removePMSuspendListener((PMSuspendListener) listener);
                case AGENT_LIFECYCLE -> connect.removeAgentLifecycleListener((AgentLifecycleListener) listener);
                case REBOOT -> {
                    return; // libvirt-java has no removeRebootListener: it stays registered, unwatched
                }
            }
        } catch (LibvirtException e) {
            // the connection may be gone already; nothing left to undo
        }
        registered.remove(kind);
    }

    private int lifecycle(Domain d, DomainEvent event) {
        int type = event.getType().ordinal();
        deliver(EventKind.LIFECYCLE, d, EventWords.type(type), EventWords.detail(type, Natives.eventDetail(event)),
                null, null, null);
        return 0;
    }

    /** Runs on the event-loop thread: copies the domain's names, frees it, hands the record on. */
    private void deliver(EventKind kind, Domain d, String type, String detail, String src, String alias,
                         String action) {
        try {
            String name;
            String uuid;
            try {
                name = d.getName();
                uuid = d.getUUIDString();
            } finally {
                d.free();
            }
            DomainEventRecord record = new DomainEventRecord(ISO.format(Instant.now()), kind.virshName(), name, uuid,
                    type, detail, src, alias, action);
            for (Watch w : watches) {
                if (w.kinds.contains(kind) && (w.uuid == null || w.uuid.equals(uuid))) {
                    w.sink.accept(record);
                }
            }
        } catch (LibvirtException e) {
            ErrorCapture.of(e); // a domain that vanished meanwhile: nothing to report
        } catch (RuntimeException e) {
            // never let an exception cross into libvirt's event loop
        }
    }

    /** Drops every watch (the connection is closing). */
    synchronized void close() {
        for (Watch w : watches) {
            watches.remove(w);
        }
        for (EventKind k : new java.util.ArrayList<>(registered.keySet())) {
            deregister(k);
        }
    }
}
