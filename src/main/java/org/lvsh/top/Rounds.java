package org.lvsh.top;

import java.util.concurrent.TimeUnit;
import org.lvsh.cli.ErrorReport;
import org.lvsh.model.TopFrame;

/**
 * When top samples: a round every delay, each round's frame once its answers are in or its window has passed
 * (the delay, at least {@link Monitor#MIN_WINDOW_NANOS}); the first round waits for every host's own deadline.
 * Batch mode waits through the rounds; the full-screen view polls them between keys. Failures are reported as
 * they come: each host's once, on its own line, the run's status following them; on one connection the
 * failure is the command's.
 */
final class Rounds {
    private final Monitor monitor;
    private final boolean oneConnection;
    private final Top.Reporter reporter;
    private long started;
    private long windowEnd;
    private boolean open;

    Rounds(Monitor monitor, boolean oneConnection, Top.Reporter reporter) {
        this.monitor = monitor;
        this.oneConnection = oneConnection;
        this.reporter = reporter;
    }

    /** The first sample: every host asked, each waited for until it answers or its deadline passes. */
    TopFrame first(double delay) throws InterruptedException {
        started = System.nanoTime();
        monitor.startRound();
        monitor.awaitAll();
        return monitor.frame(delay);
    }

    /** Nanoseconds until the next round is due (0 or less: now). */
    long untilNext(double delay) {
        return started + seconds(delay) - System.nanoTime();
    }

    /** Starts the next round now. */
    void start(double delay) {
        started = System.nanoTime();
        windowEnd = started + Math.max(seconds(delay), Monitor.MIN_WINDOW_NANOS);
        monitor.startRound();
        open = true;
    }

    /** Whether a round is waiting for its answers. */
    boolean open() {
        return open;
    }

    /** Whether the open round's frame can be made: its answers are in, or its window has passed. */
    boolean ready() {
        return open && (monitor.roundDone() || System.nanoTime() >= windowEnd);
    }

    TopFrame finish(double delay) {
        open = false;
        return monitor.frame(delay);
    }

    /** A whole round, waited through (batch mode). */
    TopFrame next(double delay) throws InterruptedException {
        start(delay);
        monitor.await(windowEnd);
        return finish(delay);
    }

    /** Whether no host can answer any more: nothing more can come. */
    boolean over() {
        return monitor.exhausted();
    }

    /**
     * Reports the failures that came since the last call. On one connection the failure ends the command: it is
     * thrown, to be reported as any command's.
     */
    void reportFailures() {
        checkOneConnection();
        for (Monitor.Report r : monitor.drainFailures()) {
            monitor.failed(r.host(), reporter.report(r.host(), r.failure()));
        }
    }

    /**
     * On one connection, throws its failure, if one came; on a set, keeps the hosts' failures for
     * {@link #reportFailures} (the full-screen view reports them once the terminal is back).
     */
    void checkOneConnection() {
        if (!oneConnection) {
            return;
        }
        for (Monitor.Report r : monitor.drainFailures()) {
            throw r.failure() instanceof RuntimeException e ? e : ErrorReport.toFailure(r.failure());
        }
    }

    int status() {
        return monitor.status();
    }

    private static long seconds(double s) {
        return (long) (s * TimeUnit.SECONDS.toNanos(1));
    }
}
