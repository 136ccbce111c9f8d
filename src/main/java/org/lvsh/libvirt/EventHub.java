package org.lvsh.libvirt;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.lvsh.libvirt.jna.DomainEventCallbacks;
import org.lvsh.libvirt.jna.NativeConnection;
import org.lvsh.model.DomainEvent;

/**
 * A connection's domain events, fanned out to whoever watches. Each kind is registered with libvirt once (for
 * every domain), when first watched, and deregistered when nobody watches it any more; a watch of one domain
 * filters by UUID here. Events arrive on the event-loop thread (see {@link DomainEventCallbacks}).
 */
public final class EventHub {
    private final NativeConnection connection;
    private final CopyOnWriteArrayList<Watch> watches = new CopyOnWriteArrayList<>();
    private final Map<EventKind, DomainEventCallbacks.Registration> registered = new EnumMap<>(EventKind.class);

    EventHub(NativeConnection connection) {
        this.connection = connection;
    }

    /** Stops a watch; closing it twice is harmless. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private record Watch(Set<EventKind> kinds, String uuid, Consumer<DomainEvent> sink) {
    }

    /**
     * Delivers events of {@code kinds} (for the domain with {@code uuid}, or every domain when null) to
     * {@code sink}, on the event-loop thread. As virsh's {@code event --all}: of several kinds, those the daemon
     * does not know (an older libvirt) are left out; the first refusal fails the watch only when none is left.
     */
    public synchronized Subscription watch(Set<EventKind> kinds, String uuid, Consumer<DomainEvent> sink) {
        EventLoop.start();
        Set<EventKind> watched = EnumSet.noneOf(EventKind.class);
        LibvirtFailure refused = null;
        for (EventKind k : kinds) {
            try {
                register(k);
                watched.add(k);
            } catch (LibvirtFailure e) {
                refused = refused == null ? e : refused;
            }
        }
        if (watched.isEmpty()) {
            dropUnwatched();
            throw refused;
        }
        Watch w = new Watch(watched, uuid, sink);
        watches.add(w);
        return () -> unwatch(w);
    }

    private synchronized void unwatch(Watch w) {
        if (watches.remove(w)) {
            dropUnwatched();
        }
    }

    private void register(EventKind kind) {
        if (!registered.containsKey(kind)) {
            registered.put(kind, DomainEventCallbacks.register(connection, kind, e -> deliver(kind, e)));
        }
    }

    /** Deregisters the kinds no watch wants any more. */
    private void dropUnwatched() {
        for (EventKind k : new ArrayList<>(registered.keySet())) {
            if (watches.stream().noneMatch(w -> w.kinds.contains(k))) {
                registered.remove(k).close();
            }
        }
    }

    /** On the event-loop thread: the record goes to each watch that wants it. */
    private void deliver(EventKind kind, DomainEvent e) {
        for (Watch w : watches) {
            if (w.kinds.contains(kind) && (w.uuid == null || w.uuid.equals(e.uuid()))) {
                w.sink.accept(e);
            }
        }
    }

    /** Drops every watch (the connection is closing). */
    synchronized void close() {
        watches.clear();
        List<DomainEventCallbacks.Registration> all = new ArrayList<>(registered.values());
        registered.clear();
        all.forEach(DomainEventCallbacks.Registration::close);
    }
}
