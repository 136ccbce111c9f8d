package org.lvsh.top;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.lvsh.fleet.Fleet;
import org.lvsh.libvirt.Connection;
import org.lvsh.libvirt.HostSampler;
import org.lvsh.libvirt.Session;
import org.lvsh.model.HostSample;

/** Where top's samples come from: every host of a set (-H), or the run's one connection. */
final class Sources {
    private Sources() {
    }

    /** One host's answer to a sample: the sample, or why there is none (timedOut: it missed its deadline). */
    record Answer(HostSample sample, Throwable failure, boolean timedOut) {
    }

    /** The hosts, each sampled on its own: one call at a time per host, on a thread other than the caller's. */
    interface Source extends AutoCloseable {
        /** The hosts' names (the connection's URI for one connection). */
        List<String> names();

        /** Starts host {@code index}'s next sample unless its last is still running; false then. */
        boolean start(int index, Consumer<Answer> done);

        /** Whether hosts may ask for credentials (not while the full-screen view owns the terminal). */
        default void promptsAllowed(boolean allowed) {
        }

        @Override
        void close();
    }

    /**
     * A sampler per connection, remembering the host's constant facts: a new connection (the fleet replaces one
     * that missed its deadline) starts with a new sampler.
     */
    private static final class Samplers {
        private final ConcurrentHashMap<Integer, HostSampler> byHost = new ConcurrentHashMap<>();
        private final boolean nowait;

        Samplers(boolean nowait) {
            this.nowait = nowait;
        }

        HostSample sample(int host, Connection c) {
            HostSampler s = byHost.compute(host,
                    (k, old) -> old != null && old.connection() == c ? old : new HostSampler(c, nowait));
            return s.sample();
        }
    }

    /** Every host of the set, through the fleet's deadlines (a host past its own is abandoned and reconnected). */
    static Source of(Fleet fleet, boolean nowait) {
        Fleet.Polling polling = fleet.poll();
        Samplers samplers = new Samplers(nowait);
        return new Source() {
            @Override
            public List<String> names() {
                return polling.hosts();
            }

            @Override
            public boolean start(int index, Consumer<Answer> done) {
                return polling.start(index, c -> samplers.sample(index, c),
                        a -> done.accept(new Answer(a.value(), a.failure(), a.timedOut())));
            }

            @Override
            public void promptsAllowed(boolean allowed) {
                polling.refusePrompts(!allowed);
            }

            @Override
            public void close() {
                polling.close();
            }
        };
    }

    /**
     * The run's one connection (opened by the caller first, so that failing to connect is the usual error). No
     * deadline: a call that never returns leaves the host stale, and the view goes on.
     */
    static Source of(Session session, String name, boolean nowait) {
        Samplers samplers = new Samplers(nowait);
        return new Source() {
            private boolean busy;
            private boolean closed;

            @Override
            public List<String> names() {
                return List.of(name);
            }

            @Override
            public boolean start(int index, Consumer<Answer> done) {
                synchronized (this) {
                    if (busy || closed) {
                        return false;
                    }
                    busy = true;
                }
                Thread t = new Thread(() -> {
                    Answer a;
                    try {
                        a = new Answer(samplers.sample(0, session.connection()), null, false);
                    } catch (RuntimeException e) {
                        a = new Answer(null, e, false);
                    } finally {
                        synchronized (this) {
                            busy = false;
                        }
                    }
                    done.accept(a);
                }, "lvsh-top-sample");
                t.setDaemon(true);
                t.start();
                return true;
            }

            @Override
            public synchronized void close() {
                closed = true;
            }
        };
    }
}
