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
        Member m = new Member(h, session, self -> {
            Context c = new Context(session, settings.forHost(h.uri(), h.readOnly()), mode, catalog, diagnostics);
            c.captureOutput(self::keep);
            c.hostScope(new Context.HostScope(h.name(), names()));
            return c;
        });
        session.usePrompter(m.prompter(new CredentialPrompter() {
            @Override
            public char[] ask(String prompt, boolean echo) throws NoTerminalException {
                CredentialPrompter p = prompter;
                if (p == null) {
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
     * @return 0 when every host succeeded, 4 when some did, else the status one host would give
     */
    public int run(List<String> words, String domain, Format format, PrintWriter out, PrintWriter err) {
        boolean json = format == Format.JSON;
        List<Member> all = members();
        List<Member> targets = all;
        List<Outcome> unanswered = new ArrayList<>();
        try {
            if (domain != null) {
                Member named = namedHost(all, domain);
                if (named != null) {
                    targets = List.of(named);
                } else {
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
                        return ErrorReport.report(Failure.usage("domain '" + domain + "' is on several hosts: "
                                + String.join(", ", found.stream().map(m -> m.name() + ":" + domain).toList())
                                + "; name one as HOST:DOMAIN"), json, err, diagnostics);
                    }
                    if (found.isEmpty()) {
                        reportAll(unanswered, json, err);
                        if (notFound == null) {
                            return status(List.of(), unanswered);
                        }
                        // virsh's own words, once: no host has it
                        ErrorReport.report(notFound.failure(), json, err, diagnostics);
                        return ExitStatus.FAILED;
                    }
                    targets = found;
                }
            }
            List<Outcome> outcomes = HostCalls.run(targets, parallel(), this::deadlineNanos, m -> m.run(words));
            List<Outcome> answered = new ArrayList<>();
            List<Outcome> failed = new ArrayList<>(unanswered);
            for (Outcome o : outcomes) {
                (o.ok() ? answered : failed).add(o);
            }
            try {
                HostsRenderer.render(answered.stream()
                        .map(o -> new HostsRenderer.Answer(o.member().name(), o.emitted())).toList(), out);
            } catch (RuntimeException e) {
                return ErrorReport.report(e, json, err, diagnostics); // a format that cannot hold the answer
            }
            failed.sort(java.util.Comparator.comparingInt(o -> all.indexOf(o.member())));
            reportAll(failed, json, err);
            return status(answered, failed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // Ctrl-C in the shell: the hosts still busy are abandoned
            return ExitStatus.FAILED;
        }
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

    @Override
    public synchronized void close() {
        for (Member m : members) {
            if (m != null) {
                m.close();
            }
        }
    }
}
