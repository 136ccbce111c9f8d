package org.lvsh.top;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.lvsh.cli.ErrorReport;
import org.lvsh.cli.ExitStatus;
import org.lvsh.model.DomainSample;
import org.lvsh.model.HostSample;
import org.lvsh.model.TopFrame;
import org.lvsh.model.TopHost;
import org.lvsh.model.TopRecord;

/**
 * top's samples in rounds. A round asks every host that is not still busy with an earlier one; it ends when all
 * it asked have answered, or when its window has passed (the first round waits for each host's deadline, so that
 * the first sample has every host that can be reached). A host that has not answered by then is shown stale, with
 * its last figures and their age; it is asked again once it answers. A host trying again after missing its
 * deadline is asked too, but not waited for. The hosts are asked on threads of their own: nothing here waits for
 * libvirt, and the view never freezes.
 */
final class Monitor {
    /** ISO 8601 in UTC, always with milliseconds: records sort as text. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX")
            .withZone(java.time.ZoneOffset.UTC);
    /** A round waits at least this long for its answers, even with a shorter delay. */
    static final long MIN_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Sources.Source source;
    private final boolean hosted;
    private final List<HostState> hosts = new ArrayList<>();
    private int round;
    private int pending;
    private int frames;
    private final List<Report> failures = new ArrayList<>();

    /** What is known of one host. */
    private static final class HostState {
        final String name;
        Figures.Host figures;
        int figuresFrame; // the frame that first showed them (0: none yet)
        Throwable failure;
        boolean timedOut;
        boolean answered; // ever
        int askedIn;      // the round of the call in flight, 0 when none is
        boolean awaited;  // the round waits for that call (not for a host trying again after its deadline)
        Throwable reported;
        int status = ExitStatus.OK;

        HostState(String name) {
            this.name = name;
        }
    }

    Monitor(Sources.Source source, boolean hosted) {
        this.source = source;
        this.hosted = hosted;
        for (String name : source.names()) {
            hosts.add(new HostState(name));
        }
    }

    /** Starts a round: every host that is not busy is asked for a sample. */
    synchronized void startRound() {
        round++;
        pending = 0;
        for (int i = 0; i < hosts.size(); i++) {
            HostState h = hosts.get(i);
            if (h.askedIn != 0 || (h.failure != null && !h.timedOut)) {
                continue; // still busy; or failed for good (refused, lost): asking again would fail again
            }
            int index = i;
            int asked = round;
            if (source.start(i, a -> answer(index, asked, a))) {
                h.askedIn = asked;
                h.awaited = h.failure == null;
                if (h.awaited) {
                    pending++;
                }
            }
        }
    }

    private synchronized void answer(int index, int asked, Sources.Answer a) {
        HostState h = hosts.get(index);
        h.askedIn = 0;
        if (asked == round && h.awaited) {
            pending--;
        }
        if (a.sample() != null) {
            HostSample previous = h.figures == null ? null : h.figures.sample();
            Map<String, DomainSample> known = h.figures == null ? Map.of() : h.figures.known();
            h.figures = Figures.of(a.sample(), previous, known);
            h.figuresFrame = 0;
            h.failure = null;
            h.timedOut = false;
            h.answered = true;
            h.reported = null;
        } else {
            if (h.reported == null || !message(h.reported).equals(message(a.failure()))) {
                h.reported = a.failure();
                failures.add(new Report(h.name, a.failure()));
            }
            h.failure = a.failure();
            h.timedOut = a.timedOut();
            if (!a.timedOut()) {
                h.figures = null; // refused, lost, an error: nothing of it is current any more
            }
        }
        notifyAll();
    }

    /**
     * Waits until every host asked this round has answered, or until {@code deadlineNanos} (System.nanoTime()).
     *
     * @return whether every answer came
     */
    synchronized boolean await(long deadlineNanos) throws InterruptedException {
        while (pending > 0) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Waits for the first round's answers, each host within its own deadline (one connection: until it answers). */
    synchronized void awaitAll() throws InterruptedException {
        while (pending > 0) {
            wait();
        }
    }

    synchronized boolean roundDone() {
        return pending == 0;
    }

    /** Whether no host can answer any more (each failed for good): nothing more can come. */
    synchronized boolean exhausted() {
        for (HostState h : hosts) {
            if (h.failure == null || h.timedOut || h.askedIn != 0) {
                return false;
            }
        }
        return true;
    }

    /** The current sample across the hosts, numbered; each host's figures are stale once a frame has shown them. */
    synchronized TopFrame frame(double delaySeconds) {
        frames++;
        Instant now = Instant.now();
        long nanos = System.nanoTime();
        List<TopHost> lines = new ArrayList<>(hosts.size());
        List<TopFrame.Row> rows = new ArrayList<>();
        for (HostState h : hosts) {
            Figures.Host f = h.figures;
            if (f == null) {
                boolean failed = h.failure != null && !h.timedOut; // a host past its deadline is asked again
                lines.add(new TopHost(h.name, failed ? TopHost.Status.FAILED : TopHost.Status.WAITING, null, null,
                        null, null, null, null, null, null, problem(h)));
                continue;
            }
            if (h.figuresFrame == 0) {
                h.figuresFrame = frames;
            }
            boolean stale = h.figuresFrame != frames;
            HostSample s = f.sample();
            double age = Figures.round(Math.max(0, nanos - s.nanos()) / 1e9, 1);
            lines.add(new TopHost(h.name, stale ? TopHost.Status.STALE : TopHost.Status.FRESH, f.cpuPct(),
                    f.totalKib(), f.usedKib(), f.freeKib(), f.running(), f.domains().size(), age,
                    Figures.round(s.tookNanos() / 1e6, 1), stale ? problem(h) : null));
            String time = TIMESTAMP.format(s.time());
            for (Figures.Domain d : f.domains()) {
                DomainSample k = d.known();
                rows.add(new TopFrame.Row(hosted ? h.name : null, new TopRecord(frames, time, stale || d.partial(),
                        k.id(), k.name(), k.uuid(), k.state(), d.cpuPct(), k.vcpus(), d.memoryKib(),
                        d.memorySource(), d.memoryPct(), d.readRate(), d.writeRate(), d.rxRate(), d.txRate(),
                        k.cpuTimeNs(), k.diskReadBytes(), k.diskWriteBytes(), k.netRxBytes(), k.netTxBytes(),
                        d.intervalS())));
            }
        }
        return new TopFrame(frames, now, delaySeconds, hosted, List.copyOf(lines), List.copyOf(rows));
    }

    private static String problem(HostState h) {
        if (h.failure != null) {
            return ErrorReport.toFailure(h.failure).getMessage();
        }
        if (h.askedIn != 0) {
            return h.answered ? "no answer yet to the last refresh" : "connecting";
        }
        return "no new figures";
    }

    /** A failure of one host, to report once (again only after the host answered, or if it fails differently). */
    record Report(String host, Throwable failure) {
    }

    /** The failures that came since the last call, in the order they came. */
    synchronized List<Report> drainFailures() {
        List<Report> out = List.copyOf(failures);
        failures.clear();
        return out;
    }

    private static String message(Throwable t) {
        return String.valueOf(ErrorReport.toFailure(t).getMessage());
    }

    /** A host's reported failure sets its status (what its report returned: 3 for a host never reached). */
    synchronized void failed(String host, int status) {
        for (HostState h : hosts) {
            if (h.name.equals(host) && h.status == ExitStatus.OK) {
                h.status = status;
            }
        }
    }

    /**
     * The run's status, as for other commands over a set: 0 when no host failed, 4 when some failed and others
     * answered throughout, else what one host's failure gives (3 when none could be reached).
     */
    synchronized int status() {
        boolean anyGood = false;
        Integer failure = null;
        for (HostState h : hosts) {
            anyGood |= h.answered && h.status == ExitStatus.OK;
            if (h.status != ExitStatus.OK && (failure == null || failure == ExitStatus.CONNECT)) {
                failure = h.status;
            }
        }
        if (failure == null) {
            return ExitStatus.OK;
        }
        return anyGood ? ExitStatus.PARTIAL : failure;
    }

    void close() {
        source.close();
    }
}
