package org.lvsh.fleet;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lvsh.cli.Context;
import org.lvsh.cli.Diagnostics;
import org.lvsh.cli.ErrorReport;
import org.lvsh.cli.ExitStatus;
import org.lvsh.cli.Failure;
import org.lvsh.cli.Settings;
import org.lvsh.libvirt.CredentialPrompter;
import org.lvsh.libvirt.DomainNotFound;
import org.lvsh.libvirt.Session;
import org.lvsh.model.HostStatus;
import org.lvsh.output.Format;
import org.lvsh.output.HostsRenderer;

/**
 * The hosts of a run (-H, or connect -H in the shell): one member per host, each with its own session, context
 * and dispatcher. A connected command runs on every member at once; the answers are rendered together, in the
 * order of the host list, with the host added, and each host that failed gets its own error line.
 */
public final class Fleet implements AutoCloseable {
    public static final int DEFAULT_PARALLEL = 16;
    public static final int DEFAULT_TIMEOUT_SECONDS = 30;

    private final String label;
    private final List<HostEntry> hosts;
    private final Settings settings;
    private final Context.Mode mode;
    private final org.lvsh.cli.CommandCatalog catalog;
    private final Diagnostics diagnostics;
    private final Object promptTurn = new Object();
    private final List<Member> members = new ArrayList<>();
    private volatile CredentialPrompter prompter;
    /** A full-screen view owns the terminal: a host that connects again then asks for nothing (it fails instead). */
    private volatile boolean promptsRefused;
    private final java.util.function.Consumer<String> warnings;

    public Fleet(String label, List<HostEntry> hosts, Settings settings, Context.Mode mode,
                 org.lvsh.cli.CommandCatalog catalog, Diagnostics diagnostics, CredentialPrompter prompter,
                 java.util.function.Consumer<String> warnings) {
        this.label = label;
        this.hosts = List.copyOf(hosts);
        this.settings = settings;
        this.mode = mode;
        this.catalog = catalog;
        this.diagnostics = diagnostics;
        this.prompter = prompter;
        this.warnings = warnings;
        for (HostEntry h : hosts) {
            members.add(null);
        }
    }

    /** Each host's session that has opened, by host name in the list's order (completion reads them). */
    public synchronized java.util.Map<String, org.lvsh.libvirt.Session> openSessions() {
        java.util.Map<String, org.lvsh.libvirt.Session> open = new java.util.LinkedHashMap<>();
        for (Member m : members) {
            if (m != null && m.connected()) {
                open.put(m.name(), m.session());
            }
        }
        return open;
    }

    /**
     * Opens every host's connection at once, waiting no longer than {@code nanos} in all (completion's patience):
     * a host that is late is left out of this answer and goes on opening for the next. Nothing is asked for.
     */
    public void connectWithin(long nanos) {
        List<Member> all = members();
        for (Member m : all) {
            m.session().openAhead("lvsh-open-" + m.name());
        }
        long until = System.nanoTime() + nanos;
        for (Member m : all) {
            m.session().awaitOpen(Math.max(0, until - System.nanoTime()));
        }
    }

    /** How the prompt names a list: "prod" for "@prod", else the list as given. */
    public static String labelOf(String list) {
        String l = list.strip();
        return l.startsWith("@") && !l.contains(",") ? l.substring(1) : l;
    }

    /** What the list was called: the -H text ("prod" for @prod), for the shell's prompt. */
    public String label() {
        return label;
    }

    public List<HostEntry> hosts() {
        return hosts;
    }

    /** Set while the hosts connect ahead of an accepted command line: a password is asked only once it is. */
    private volatile java.util.concurrent.CountDownLatch acceptance;

    /**
     * Starts connecting the first hosts (as many as are worked on at once) while the command line is still being
     * read, as the one-host head start does: a one-shot command on a set spent that time connecting nothing.
     * Nothing is asked for before {@link #commandLineAccepted()}, so a typo never costs a password prompt.
     */
    public void connectAhead() {
        if (acceptance == null) {
            acceptance = new java.util.concurrent.CountDownLatch(1);
        }
        List<Member> all = members();
        for (Member m : all.subList(0, Math.min(all.size(), parallel()))) {
            m.session().openAhead("lvsh-open-" + m.name());
        }
    }

    /** The command line parsed: the hosts connecting ahead may ask for credentials now. */
    public void commandLineAccepted() {
        java.util.concurrent.CountDownLatch a = acceptance;
        if (a != null) {
            a.countDown();
        }
    }

    private void awaitAcceptance() {
        java.util.concurrent.CountDownLatch a = acceptance;
        if (a != null) {
            try {
                a.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Who asks for credentials from now on (the shell brings its own terminal). */
    public void usePrompter(CredentialPrompter p) {
        prompter = p;
    }

    /** The members, a fresh one for each host whose last call was abandoned. */
    private synchronized List<Member> members() {
        for (int i = 0; i < hosts.size(); i++) {
            Member m = members.get(i);
            if (m == null || m.abandoned()) {
                members.set(i, member(hosts.get(i)));
            }
        }
        return List.copyOf(members);
    }

    private Member member(HostEntry h) {
        Session session = new Session(h.uri(), settings.readOnly() || h.readOnly(), settings.keepalive(), null);
        if (mode != Context.Mode.ONE_SHOT) {
            session.watchForLoss(); // the hosts live on from command to command; `hosts` says why one was lost
        }
        Member m = new Member(h, session, self -> {
            Context c = new Context(session, settings.forHost(h.uri(), h.readOnly()), mode, catalog, diagnostics);
            c.captureOutput(self::keep);
            c.hostScope(new Context.HostScope(h.name(), names()));
            return c;
        });
        session.usePrompter(m.prompter(new CredentialPrompter() {
            @Override
            public char[] ask(String prompt, boolean echo) throws NoTerminalException {
                awaitAcceptance();
                CredentialPrompter p = prompter;
                if (p == null || promptsRefused) {
                    throw new NoTerminalException();
                }
                return p.ask(prompt, echo);
            }
        }, promptTurn));
        session.useWarnings(w -> warnings.accept(h.name() + ": " + w));
        return m;
    }

    private List<String> names() {
        return hosts.stream().map(HostEntry::name).toList();
    }

    private long deadlineNanos(Member m) {
        Integer own = m.host().timeoutSeconds();
        int seconds = settings.hostTimeout() != null ? settings.hostTimeout()
                : own != null ? own : DEFAULT_TIMEOUT_SECONDS;
        return TimeUnit.SECONDS.toNanos(seconds);
    }

    private int parallel() {
        return settings.parallel() != null ? settings.parallel() : DEFAULT_PARALLEL;
    }

    /**
     * Runs a connected command on the hosts. A domain argument names its host (HOST:DOMAIN) or is looked up on
     * every host first, so that a command meant for one domain runs on the one host that has it.
     *
     * @param domain the command's domain argument, null when it has none
     * @return its status (0 when every host succeeded, 4 when some did, else the status one host would give),
     *         and whether it ran
     */
    public Ran run(List<String> words, String domain, Format format, PrintWriter out, PrintWriter err) {
        boolean json = format == Format.JSON;
        List<Member> all = members();
        try {
            Targets t = targets(all, domain, json, err);
            if (t.status() != null) {
                return new Ran(t.status(), t.status() != ExitStatus.USAGE); // a domain on several hosts: not run
            }
            List<Outcome> outcomes = HostCalls.run(t.members(), parallel(), this::deadlineNanos, m -> m.run(words));
            List<Outcome> answered = new ArrayList<>();
            List<Outcome> failed = new ArrayList<>(t.unanswered());
            for (Outcome o : outcomes) {
                (o.ok() ? answered : failed).add(o);
            }
            try {
                HostsRenderer.render(answered.stream()
                        .map(o -> new HostsRenderer.Answer(o.member().name(), o.emitted())).toList(), out);
            } catch (RuntimeException e) {
                // a format that cannot hold the answer
                return new Ran(ErrorReport.report(e, json, err, diagnostics), ErrorReport.toFailure(e).commandRan());
            }
            failed.sort(java.util.Comparator.comparingInt(o -> all.indexOf(o.member())));
            if (answered.isEmpty() && sameUsageError(failed)) {
                // the command line's fault, not any host's (list --sort-by bogus): said once, as for one host
                Throwable f = failed.get(0).failure();
                return new Ran(ErrorReport.report(f, json, err, diagnostics), ErrorReport.toFailure(f).commandRan());
            }
            if (!failed.isEmpty()) {
                out.flush(); // the answers first, then what failed, on a terminal too
            }
            reportAll(failed, json, err);
            return new Ran(status(answered, failed), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // Ctrl-C in the shell: the hosts still busy are abandoned
            return new Ran(ExitStatus.FAILED, true);
        }
    }

    /**
     * How a command over the set ended: its status, and whether it ran at all (text then ends with virsh's blank
     * line, as one host's does; a domain found on several hosts is a usage error and nothing ran).
     */
    public record Ran(int status, boolean commandRan) {
    }

    /**
     * Where a command with a domain argument runs: the host it names, or every host that has the bare domain;
     * every host when there is none. {@code status} is set (the failure reported) when it runs nowhere.
     */
    private record Targets(List<Member> members, List<Outcome> unanswered, Integer status) {
    }

    private Targets targets(List<Member> all, String domain, boolean json, PrintWriter err)
            throws InterruptedException {
        if (domain == null) {
            return new Targets(all, List.of(), null);
        }
        Member named = namedHost(all, domain);
        if (named != null) {
            return new Targets(List.of(named), List.of(), null);
        }
        List<Outcome> unanswered = new ArrayList<>();
        List<Outcome> looked = HostCalls.run(all, parallel(), this::deadlineNanos, m -> m.lookup(domain));
        List<Member> found = new ArrayList<>();
        Outcome notFound = null;
        for (Outcome o : looked) {
            if (o.ok()) {
                found.add(o.member());
            } else if (o.failure() instanceof DomainNotFound) {
                notFound = notFound == null ? o : notFound;
            } else {
                unanswered.add(o);
            }
        }
        if (found.size() > 1) {
            reportAll(unanswered, json, err);
            return new Targets(List.of(), unanswered, ErrorReport.report(Failure.usage("domain '" + domain
                    + "' is on several hosts: " + String.join(", ", found.stream().map(m -> m.name() + ":" + domain)
                    .toList()) + "; name one as HOST:DOMAIN"), json, err, diagnostics));
        }
        if (found.isEmpty()) {
            reportAll(unanswered, json, err);
            if (notFound == null) {
                return new Targets(List.of(), unanswered, status(List.of(), unanswered));
            }
            // virsh's own words, once: no host has it
            ErrorReport.report(notFound.failure(), json, err, diagnostics);
            return new Targets(List.of(), unanswered, ExitStatus.FAILED);
        }
        return new Targets(found, unanswered, null);
    }

    /** Starts a streaming command's watch on one host (on that host's own thread and connection). */
    @FunctionalInterface
    public interface HostWatch {
        /**
         * @param domain the domain to watch there (the host's part of HOST:DOMAIN), null for every domain
         * @return what ends the watch on that host
         */
        AutoCloseable start(String host, org.lvsh.libvirt.Connection connection, String domain);
    }

    /**
     * A streaming command (event) on every host of the set at once: each host's own connection and watch, all
     * started in parallel within the hosts' deadlines. A host that cannot be reached, or whose connection is
     * lost later, is reported once ("error: HOST: ...") while the others go on. Closing ends every watch.
     */
    public final class Watching implements AutoCloseable {
        private final java.util.Map<Member, org.lvsh.libvirt.Connection> live = new java.util.LinkedHashMap<>();
        private final java.util.Map<Member, AutoCloseable> watches = new java.util.LinkedHashMap<>();
        private final List<Outcome> failed = new ArrayList<>();
        private final boolean json;
        private final PrintWriter err;
        private Integer status;
        private int startedOn;
        private int lost;

        private Watching(boolean json, PrintWriter err) {
            this.json = json;
            this.err = err;
        }

        /** Whether the watch runs on no host: the status to end with is {@link #status(int)}. */
        public synchronized boolean nowhere() {
            return status != null || live.isEmpty();
        }

        /** How many hosts are watched now. */
        public synchronized int watched() {
            return live.size();
        }

        /** Reports each host whose connection was lost since the last call, once, and stops its watch. */
        public synchronized void checkLost() {
            for (java.util.Iterator<java.util.Map.Entry<Member, org.lvsh.libvirt.Connection>> it =
                         live.entrySet().iterator(); it.hasNext(); ) {
                java.util.Map.Entry<Member, org.lvsh.libvirt.Connection> e = it.next();
                String reason = e.getValue().lostReason();
                if (reason != null) {
                    it.remove();
                    lost++;
                    stop(e.getKey());
                    Failure f = Failure.failed("the connection was lost: " + reason);
                    failed.add(new Outcome(e.getKey(), f.status(), List.of(), f, false));
                    ErrorReport.reportForHost(e.getKey().name(), f, json, err, diagnostics);
                }
            }
        }

        /**
         * The run's status: 0 when every host was watched to the end and something came, 4 when some hosts
         * failed and others were watched to the end, else what one host would give (1 when nothing came, as
         * virsh, or every connection was lost; 3 when no host could be reached).
         */
        public synchronized int status(int events) {
            if (status != null) {
                return status;
            }
            if (startedOn == 0 || lost == startedOn) {
                return Fleet.status(List.of(), failed); // no host watched to the end
            }
            if (!failed.isEmpty()) {
                return ExitStatus.PARTIAL;
            }
            return events == 0 ? ExitStatus.FAILED : ExitStatus.OK;
        }

        private void stop(Member m) {
            AutoCloseable w = watches.remove(m);
            if (w != null) {
                try {
                    w.close();
                } catch (Exception e) {
                    // the connection is gone: nothing left to undo
                }
            }
        }

        @Override
        public synchronized void close() {
            for (Member m : new ArrayList<>(watches.keySet())) {
                stop(m);
            }
            live.clear();
        }
    }

    /**
     * Starts {@code start} on every host of the set, or on the host(s) of the domain argument (HOST:DOMAIN, or a
     * bare domain looked up on every host, as {@link #run} does); failures are reported as they are known.
     */
    public Watching watch(String domain, boolean json, PrintWriter err, HostWatch start) throws InterruptedException {
        List<Member> all = members();
        Watching w = new Watching(json, err);
        Targets t = targets(all, domain, json, err);
        if (t.status() != null) {
            w.status = t.status();
            return w;
        }
        w.failed.addAll(t.unanswered());
        Member named = domain == null ? null : namedHost(all, domain);
        String own = domain == null ? null : named != null ? domain.substring(domain.indexOf(':') + 1) : domain;
        java.util.Map<Member, AutoCloseable> started = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Map<Member, org.lvsh.libvirt.Connection> connections = new java.util.concurrent.ConcurrentHashMap<>();
        List<Outcome> outcomes = HostCalls.run(t.members(), parallel(), this::deadlineNanos, m -> {
            org.lvsh.libvirt.Connection c = m.session().connection();
            AutoCloseable s = start.start(m.name(), c, own);
            connections.put(m, c);
            started.put(m, s);
            return new Outcome(m, 0, List.of(), null, false);
        });
        synchronized (w) {
            for (Outcome o : outcomes) {
                if (o.ok()) {
                    w.live.put(o.member(), connections.get(o.member()));
                    w.watches.put(o.member(), started.get(o.member()));
                    w.startedOn++;
                } else {
                    w.failed.add(o); // a watch started after the deadline dies with its abandoned session
                }
            }
            List<Outcome> sorted = new ArrayList<>(w.failed);
            sorted.sort(java.util.Comparator.comparingInt(o -> all.indexOf(o.member())));
            w.failed.clear();
            for (Outcome o : sorted) {
                // the status the host's failure means (3: it could not be reached), as its report says
                int status = ErrorReport.reportForHost(o.member().name(), o.failure(), json, err, diagnostics);
                w.failed.add(new Outcome(o.member(), status, List.of(), o.failure(), o.timedOut()));
            }
        }
        return w;
    }

    /** One call's answer on one host of a {@link Polling}: its value, or why there is none. */
    public record Answer<T>(String host, T value, Throwable failure, boolean timedOut) {
        public boolean ok() {
            return failure == null;
        }
    }

    /**
     * A long-running command's hold on the set (top): each host is called on its own, one call at a time, each call
     * on a thread of its own within the host's deadline (connect included), at most --parallel at once. A host past
     * its deadline is abandoned as in {@link #run} and gets a fresh connection at its next call; no call ever holds
     * another host's.
     */
    public final class Polling implements AutoCloseable {
        private final boolean[] busy = new boolean[hosts.size()];
        private final java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(parallel());
        private boolean closed;

        private Polling() {
        }

        public List<String> hosts() {
            return names();
        }

        /**
         * Starts {@code call} on host {@code index} unless its previous call is still running; {@code done} gets the
         * answer on the call's thread.
         *
         * @return false when the host is still busy (or the polling closed): nothing was started
         */
        public <T> boolean start(int index, java.util.function.Function<org.lvsh.libvirt.Connection, T> call,
                                 java.util.function.Consumer<Answer<T>> done) {
            synchronized (this) {
                if (closed || busy[index]) {
                    return false;
                }
                busy[index] = true;
            }
            Member m = members().get(index);
            Thread t = new Thread(() -> {
                Answer<T> answer;
                try {
                    answer = call(m, call);
                } finally {
                    synchronized (this) {
                        busy[index] = false;
                    }
                }
                done.accept(answer);
            }, "lvsh-poll-" + m.name());
            t.setDaemon(true); // a host stuck in libvirt must not keep the process alive
            t.start();
            return true;
        }

        private <T> Answer<T> call(Member m, java.util.function.Function<org.lvsh.libvirt.Connection, T> call) {
            java.util.concurrent.atomic.AtomicReference<T> value = new java.util.concurrent.atomic.AtomicReference<>();
            try {
                slots.acquire();
                try {
                    Outcome o = HostCalls.run(List.of(m), 1, Fleet.this::deadlineNanos, member -> {
                        value.set(call.apply(member.session().connection()));
                        return new Outcome(member, 0, List.of(), null, false);
                    }).get(0);
                    return o.ok() ? new Answer<>(m.name(), value.get(), null, false)
                            : new Answer<>(m.name(), null, o.failure(), o.timedOut());
                } finally {
                    slots.release();
                }
            } catch (InterruptedException e) {
                m.abandon();
                return new Answer<>(m.name(), null, Failure.failed("interrupted"), false);
            }
        }

        /** Whether hosts that connect again may ask for credentials (not while a full-screen view is shown). */
        public void refusePrompts(boolean refuse) {
            promptsRefused = refuse;
        }

        /** No call starts any more; those running end on their own (their answers still reach their callers). */
        @Override
        public synchronized void close() {
            closed = true;
            promptsRefused = false;
        }
    }

    public Polling poll() {
        return new Polling();
    }

    /** HOST:DOMAIN, when HOST is a host of this run (a domain's own name may hold a ':'). */
    private static Member namedHost(List<Member> all, String domain) {
        int colon = domain.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String host = domain.substring(0, colon);
        for (Member m : all) {
            if (m.name().equals(host)) {
                return m;
            }
        }
        return null;
    }

    /** Every host refused the command with one and the same usage error. */
    private static boolean sameUsageError(List<Outcome> failed) {
        if (failed.isEmpty()) {
            return false;
        }
        String first = null;
        for (Outcome o : failed) {
            if (o.failure() == null || o.status() != ExitStatus.USAGE) {
                return false;
            }
            String message = ErrorReport.toFailure(o.failure()).getMessage();
            if (first != null && !first.equals(message)) {
                return false;
            }
            first = message;
        }
        return true;
    }

    private void reportAll(List<Outcome> failed, boolean json, PrintWriter err) {
        for (Outcome o : failed) {
            ErrorReport.reportForHost(o.member().name(), o.failure(), json, err, diagnostics);
        }
    }

    private static int status(List<Outcome> answered, List<Outcome> failed) {
        if (failed.isEmpty()) {
            return ExitStatus.OK;
        }
        if (!answered.isEmpty()) {
            return ExitStatus.PARTIAL;
        }
        for (Outcome o : failed) {
            if (o.status() != ExitStatus.CONNECT) {
                return o.status(); // a host that was reached says what went wrong
            }
        }
        return ExitStatus.CONNECT;
    }

    /** The one connection of a run without -H, as {@code hosts} shows it (named by its URI). */
    public static HostStatus probeSession(Session session) {
        String uri = session.requestedUri();
        try {
            return Member.probe(uri == null ? "(default)" : uri, uri == null ? "(libvirt's default)" : uri, session);
        } catch (RuntimeException e) {
            String state = e instanceof Session.ConnectionLost ? "lost" : "unreachable";
            return new HostStatus(uri == null ? "(default)" : uri, uri, state, null, null,
                    ErrorReport.toFailure(e).getMessage());
        }
    }

    /** Each host of the set, asked in parallel (each within its deadline) for its libvirt version and domains. */
    public List<HostStatus> probe() {
        List<Member> all = members();
        List<Outcome> outcomes;
        try {
            outcomes = HostCalls.run(all, parallel(), this::deadlineNanos, Fleet::probe);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
        List<HostStatus> rows = new ArrayList<>();
        for (Outcome o : outcomes) {
            HostEntry h = o.member().host();
            if (o.ok()) {
                rows.add((HostStatus) o.emitted().get(0).data());
            } else {
                String state = o.failure() instanceof Session.ConnectionLost ? "lost" : "unreachable";
                rows.add(new HostStatus(h.name(), h.uri(), state, null, null,
                        ErrorReport.toFailure(o.failure()).getMessage()));
            }
        }
        return rows;
    }

    private static Outcome probe(Member m) {
        HostStatus s = m.status();
        return new Outcome(m, 0, List.of(new org.lvsh.output.Emitted(s, null, null, null)), null, false);
    }

    /**
     * Closes every host's connection, all at once: a remote close costs two round-trips, so 20 hosts closed one
     * after another kept a finished run alive for some 20 of them. Each host is waited for no longer than its
     * deadline (a host that went silent after answering must not hold the run); a member whose call is still
     * stuck closes its connection itself when the call returns.
     */
    @Override
    public void close() {
        List<Member> open;
        synchronized (this) {
            open = members.stream().filter(java.util.Objects::nonNull).toList();
        }
        long start = System.nanoTime();
        java.util.Map<java.util.concurrent.Future<?>, Long> closing = new java.util.LinkedHashMap<>();
        for (Member m : open) {
            if (!m.connected()) {
                m.close(); // nothing to say goodbye to
                continue;
            }
            closing.put(org.lvsh.libvirt.ConnectionThreads.run("lvsh-close-" + m.name(), m::close),
                    start + deadlineNanos(m));
        }
        for (java.util.Map.Entry<java.util.concurrent.Future<?>, Long> c : closing.entrySet()) {
            long left = c.getValue() - System.nanoTime();
            try {
                if (left > 0) {
                    c.getKey().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                // a host that does not say goodbye in time is left to close by itself
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the closing threads go on by themselves
                return;
            }
        }
    }
}
