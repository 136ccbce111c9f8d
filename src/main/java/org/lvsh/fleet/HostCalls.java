package org.lvsh.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.lvsh.cli.ExitStatus;
import org.lvsh.cli.Failure;

/**
 * Runs one call on every member, at most {@code parallel} at once, each on a thread of its own (one of
 * {@link org.lvsh.libvirt.ConnectionThreads}, which never end) and each bounded
 * by its deadline (connect and command, counted from the call's start, prompts excluded). libvirt's calls cannot
 * be interrupted, so a member past its deadline is not waited for: it is abandoned, its slot goes to the next
 * host, and whatever it produces later is never seen.
 */
final class HostCalls {
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private HostCalls() {
    }

    /** @return the outcomes in the members' order */
    static List<Outcome> run(List<Member> members, int parallel, Function<Member, Long> deadlineNanos,
                             Function<Member, Outcome> call) throws InterruptedException {
        int n = members.size();
        Outcome[] results = new Outcome[n];
        long[] started = new long[n];
        LinkedBlockingQueue<Integer> finished = new LinkedBlockingQueue<>();
        Outcome[] produced = new Outcome[n];
        int next = 0;
        int running = 0;
        int done = 0;
        try {
            while (done < n) {
                while (running < parallel && next < n) {
                    int i = next++;
                    Member m = members.get(i);
                    started[i] = System.nanoTime();
                    m.begin();
                    org.lvsh.libvirt.ConnectionThreads.run("lvsh-host-" + m.name(), () -> {
                        Outcome o;
                        try {
                            o = call.apply(m);
                        } catch (RuntimeException | Error e) {
                            o = new Outcome(m, ExitStatus.FAILED, List.of(), e, false);
                        } finally {
                            m.end();
                        }
                        synchronized (produced) {
                            produced[i] = o;
                        }
                        finished.add(i);
                    });
                    running++;
                }
                Integer i = finished.poll(POLL_NANOS, TimeUnit.NANOSECONDS);
                if (i != null && results[i] == null) {
                    synchronized (produced) {
                        results[i] = produced[i];
                    }
                    running--;
                    done++;
                }
                long now = System.nanoTime();
                for (int k = 0; k < next; k++) {
                    Member m = members.get(k);
                    if (results[k] == null && !m.prompting()
                            && now - started[k] - m.promptNanos(now) > deadlineNanos.apply(m)) {
                        m.abandon();
                        results[k] = timedOut(m, deadlineNanos.apply(m));
                        running--;
                        done++;
                    }
                }
            }
        } catch (InterruptedException e) {
            for (int k = 0; k < next; k++) {
                if (results[k] == null) {
                    members.get(k).abandon();
                }
            }
            throw e;
        }
        return new ArrayList<>(List.of(results));
    }

    private static Outcome timedOut(Member m, long deadlineNanos) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(deadlineNanos);
        boolean connected = m.connected();
        Failure f = new Failure(connected ? ExitStatus.FAILED : ExitStatus.CONNECT,
                (connected ? "no answer" : "could not connect") + " within the host's deadline of " + seconds
                        + " s (--timeout)", null);
        return new Outcome(m, f.status(), List.of(), f, true);
    }
}
