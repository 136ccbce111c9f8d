package org.lvsh.fleet;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.lvsh.cli.Context;
import org.lvsh.cli.Dispatcher;
import org.lvsh.libvirt.CredentialPrompter;
import org.lvsh.libvirt.Domains;
import org.lvsh.libvirt.Session;
import org.lvsh.model.HostStatus;
import org.lvsh.output.Emitted;

/**
 * One host of a run: its session and its own context and dispatcher, so that hosts never share state. What its
 * commands emit is kept for the run to render. A member whose call missed its deadline is abandoned: the run goes
 * on without it, and the thread stuck in libvirt frees the connection if the call ever returns.
 */
final class Member {
    private final HostEntry host;
    private final Session session;
    private final Dispatcher dispatcher;
    private final List<Emitted> emitted = new ArrayList<>();
    private Throwable failure;
    private boolean busy;
    private boolean abandoned;
    private long promptNanos;
    private long promptSince;

    Member(HostEntry host, Session session, java.util.function.Function<Member, Context> contextOf) {
        this.host = host;
        this.session = session;
        Context context = contextOf.apply(this);
        this.dispatcher = new Dispatcher(context);
        dispatcher.sendFailuresTo(t -> failure = t);
    }

    HostEntry host() {
        return host;
    }

    String name() {
        return host.name();
    }

    org.lvsh.libvirt.Session session() {
        return session;
    }

    /** Whether this host's connection ever opened: a host that misses its deadline before is unreachable. */
    boolean connected() {
        return session.opened();
    }

    void keep(Emitted e) {
        emitted.add(e);
    }

    /** Runs one command's words here (on the calling thread); what it emitted and how it failed. */
    Outcome run(List<String> words) {
        emitted.clear();
        failure = null;
        // every command run on a set connects: the connection is made while the command is built and parsed
        session.openAhead("lvsh-open-" + name());
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        int status = dispatcher.run(words, discard, discard);
        if (status != 0 && failure == null) {
            failure = new org.lvsh.cli.Failure(status, "the command failed", null);
        }
        return new Outcome(this, status, List.copyOf(emitted), failure, false);
    }

    /** Whether {@code text} names a domain here (any of name, id, UUID), for a bare name given to a run. */
    Outcome lookup(String text) {
        try {
            Domains.lookup(session.connection(), text, Domains.ANY).close();
            return new Outcome(this, 0, List.of(), null, false);
        } catch (RuntimeException e) {
            return new Outcome(this, 1, List.of(), e, false);
        }
    }

    /** How this host answers now: its libvirt version and how many domains it has. */
    HostStatus status() {
        return probe(host.name(), host.uri(), session);
    }

    /** A host's libvirt version and domain count, over its session (opened if need be). */
    static HostStatus probe(String name, String uri, Session session) {
        org.lvsh.libvirt.Connection c = session.connection();
        String version = org.lvsh.libvirt.Host.libvirtVersion(c);
        int domains = Domains.list(c, org.lvsh.libvirt.ListFilter.ACTIVE | org.lvsh.libvirt.ListFilter.INACTIVE,
                Domains.Extras.NONE).size();
        return new HostStatus(name, uri, "connected", version, domains, null);
    }

    /** A prompter that asks one host at a time, naming the host; prompting time is not counted as waiting. */
    CredentialPrompter prompter(CredentialPrompter terminal, Object turn) {
        return (prompt, echo) -> {
            synchronized (turn) {
                if (!startPrompt() || terminal == null) {
                    return null; // the run has given up on this host: nothing more is asked for it
                }
                try {
                    return terminal.ask(name() + ": " + prompt, echo);
                } finally {
                    endPrompt();
                }
            }
        };
    }

    private synchronized boolean startPrompt() {
        if (abandoned) {
            return false;
        }
        promptSince = System.nanoTime();
        return true;
    }

    private synchronized void endPrompt() {
        promptNanos += System.nanoTime() - promptSince;
        promptSince = 0;
    }

    /** Time spent answering prompts (and now prompting, if so): it extends the host's deadline. */
    synchronized long promptNanos(long now) {
        return promptNanos + (promptSince != 0 ? now - promptSince : 0);
    }

    synchronized boolean prompting() {
        return promptSince != 0;
    }

    synchronized void begin() {
        busy = true;
        promptNanos = 0;
    }

    synchronized void end() {
        busy = false;
        if (abandoned) {
            session.close();
        }
    }

    /** The run stops waiting for this host; its connection is closed now, or when its stuck call returns. */
    synchronized void abandon() {
        abandoned = true;
        if (!busy) {
            session.close();
        }
    }

    synchronized boolean abandoned() {
        return abandoned;
    }

    /** Closes the connection, unless a stuck call still holds it (then {@link #end} does). */
    void close() {
        abandon();
    }
}
