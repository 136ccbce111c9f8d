package org.lvsh.cli.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.lvsh.cli.ConnectedCommand;
import org.lvsh.cli.Context;
import org.lvsh.cli.DomainArgument;
import org.lvsh.cli.ErrorReport;
import org.lvsh.cli.Failure;
import org.lvsh.fleet.Fleet;
import org.lvsh.libvirt.Connection;
import org.lvsh.libvirt.Domains;
import org.lvsh.libvirt.EventHub;
import org.lvsh.libvirt.EventKind;
import org.lvsh.libvirt.OpenDomain;
import org.lvsh.model.DomainEvent;
import org.lvsh.model.EventColumns;
import org.lvsh.output.EventText;
import org.lvsh.output.Format;
import org.lvsh.output.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "event", header = "Domain Events",
        description = "List event types, or wait for domain events to occur")
@org.lvsh.cli.ArgumentAssignment.Positionals({"--domain", "--event", "--timeout"})
public final class EventCommand extends ConnectedCommand {
    @Mixin
    @DomainArgument.Optional
    DomainArgument domain;

    @Option(names = "--event", paramLabel = "EVENT", description = "which event type to wait for",
            completionCandidates = EventNames.class)
    String event;

    @Option(names = "--all", description = "wait for all events instead of just one type")
    boolean all;

    @Option(names = "--loop", description = "loop until timeout or interrupt, rather than one-shot")
    boolean loop;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "timeout seconds")
    Integer timeout;

    @Option(names = "--list", description = "list valid event types")
    boolean list;

    @Option(names = "--timestamp", description = "show timestamp for each printed event")
    boolean timestamp;

    @Option(names = "--background", description = "(shell) keep watching in the background; events are printed "
            + "above the prompt until 'event --stop'")
    boolean background;

    @Option(names = "--stop", description = "(shell) stop the background watches")
    boolean stop;

    /** Completion candidates for --event. */
    public static final class EventNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> names = new ArrayList<>();
            for (EventKind k : EventKind.values()) {
                names.add(k.virshName());
            }
            return names.iterator();
        }
    }

    @Override
    protected boolean streamsOnHosts() {
        return true;
    }

    @Override
    protected void run() {
        exclusive(all, "all", event != null, "event");
        exclusive(list, "list", all, "all");
        exclusive(list, "list", event != null, "event");
        if (list) {
            output().emit(new EventNames(), o -> new EventNames().forEach(o::println));
            return;
        }
        if (stop) {
            int n = context.backgroundWatches().stopAll();
            note(n == 0 ? "No background event watch to stop."
                    : "Stopped " + n + " background event watch" + (n == 1 ? "." : "es."));
            return;
        }
        if (event == null && !all) {
            throw Failure.usage("one of --list, --all, or --event <type> is required");
        }
        if (timeout != null && (timeout <= 0 || timeout > Integer.MAX_VALUE / 1000)) {
            // virsh: seconds, counted in milliseconds in an int
            throw Failure.usage("Numeric value '" + timeout + "' for <timeout> option is malformed or out of range");
        }
        Set<EventKind> kinds = all ? EnumSet.allOf(EventKind.class) : EnumSet.of(kind(event));
        if (background && context.mode() != Context.Mode.SHELL) {
            throw Failure.usage("--background needs the interactive shell");
        }
        if (context.fleet() != null) {
            if (background) {
                throw Failure.usage("--background watches one connection; it does not run on a set of hosts (-H)");
            }
            waitOnHosts(kinds);
            return;
        }
        Connection c = connection();
        String uuid = null;
        String text = domain.optionalText();
        if (text != null) {
            try (OpenDomain d = domain.open(c, "event", Domains.ANY)) {
                uuid = Domains.uuid(d);
            }
        }
        if (background) {
            Output.Stream stream = stream(kinds);
            EventHub.Subscription s = c.events().watch(kinds, uuid, e -> {
                String line;
                try {
                    line = stream.render(null, e, EventText.text(e, timestamp));
                } catch (RuntimeException cannot) {
                    line = "error: " + ErrorReport.toFailure(cannot).getMessage() + "\n";
                }
                context.printAbove(line.substring(0, line.length() - 1));
            });
            context.backgroundWatches().add(s);
            note("Watching " + (all ? "all" : kind(event).virshName()) + " events in the background; "
                    + "'event --stop' ends the watch.");
            return;
        }
        waitForEvents(c, kinds, uuid);
    }

    /** A line for the person at the shell (none under -q or structured output: events are the output there). */
    private void note(String line) {
        if (output().format() == Format.TABLE) {
            output().extra(line);
        }
    }

    private static EventKind kind(String name) {
        EventKind k = EventKind.byName(name);
        if (k == null) {
            throw Failure.usage("unknown event type " + name); // virsh's words
        }
        return k;
    }

    /** virsh's wait: until the first event (or every event with --loop), the timeout, or Ctrl-C. */
    private void waitForEvents(Connection c, Set<EventKind> kinds, String uuid) {
        BlockingQueue<DomainEvent> queue = new LinkedBlockingQueue<>();
        Output.Stream stream = stream(kinds);
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout);
        int count = 0;
        String ending = null;
        try (EventHub.Subscription s = c.events().watch(kinds, uuid, queue::offer);
             Interrupts interrupts = Interrupts.forCommandThread(context.mode())) {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    ending = "event loop timed out";
                    break;
                }
                DomainEvent e = queue.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)),
                        TimeUnit.NANOSECONDS);
                if (e != null) {
                    emit(stream, null, e);
                    count++;
                    if (!loop) {
                        break;
                    }
                }
                if (c.lostReason() != null) {
                    summary(null, count); // as virsh: the count first, then the reason
                    throw Failure.failed("the connection was lost: " + c.lostReason());
                }
            }
        } catch (InterruptedException e) {
            ending = "event loop interrupted";
        }
        summary(ending, count);
        if (count == 0) {
            throw Failure.silent(org.lvsh.cli.ExitStatus.FAILED); // virsh fails too when nothing came, saying no more
        }
    }

    /** The output's stream for events of these kinds: CSV's columns are theirs (see {@link EventColumns}). */
    private Output.Stream stream(Set<EventKind> kinds) {
        return output().stream(EventColumns.of(kinds.stream().map(EventKind::virshName).toList()));
    }

    /** One event through the output's stream. */
    private void emit(Output.Stream stream, String host, DomainEvent e) {
        stream.emit(host, e, EventText.text(e, timestamp));
    }

    /** One host's event, as it comes. */
    private record HostEvent(String host, DomainEvent event) {
    }

    /**
     * The wait over a set of hosts (-H): every host watched at once on its own connection, their events merged
     * in the order they come, each with its host; a host that cannot be reached (or is lost) is reported once
     * while the others go on. The timeout, the first event (without --loop) or Ctrl-C ends the whole watch.
     */
    private void waitOnHosts(Set<EventKind> kinds) {
        BlockingQueue<HostEvent> queue = new LinkedBlockingQueue<>();
        Output.Stream stream = stream(kinds);
        java.io.PrintWriter err = spec.commandLine().getErr();
        int count = 0;
        String ending = null;
        Fleet.Watching watching;
        try {
            watching = context.fleet().watch(domain.givenText(), format() == Format.JSON, err,
                    (host, c, domainThere) -> {
                        String uuid = null;
                        if (domainThere != null) {
                            try (OpenDomain d = Domains.lookup(c, domainThere, Domains.ANY)) {
                                uuid = Domains.uuid(d);
                            }
                        }
                        return c.events().watch(kinds, uuid, e -> queue.offer(new HostEvent(host, e)));
                    });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Failure.silent(org.lvsh.cli.ExitStatus.FAILED);
        }
        // the deadline counts from when the hosts are watched: connecting is the hosts' own --timeout
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout);
        boolean watched = !watching.nowhere();
        try (watching; Interrupts interrupts = Interrupts.forCommandThread(context.mode())) {
            while (!watching.nowhere()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    ending = "event loop timed out";
                    break;
                }
                HostEvent e = queue.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
                if (e != null) {
                    emit(stream, e.host(), e.event());
                    count++;
                    if (!loop) {
                        break;
                    }
                }
                watching.checkLost();
                if (watching.watched() == 0) {
                    break; // every host is lost: nothing more can come
                }
            }
        } catch (InterruptedException e) {
            ending = "event loop interrupted";
        }
        int status = watching.status(count);
        if (watched) {
            summary(ending, count);
        }
        if (status != org.lvsh.cli.ExitStatus.OK) {
            throw Failure.silent(status); // each failed host has had its line; the closing lines said the rest
        }
    }

    /**
     * virsh's closing lines; under a structured format (JSON, YAML, CSV, names) they go to stderr, so that stdout
     * holds the events only.
     */
    private void summary(String ending, int count) {
        java.io.PrintWriter w = format().structured() ? spec.commandLine().getErr() : spec.commandLine().getOut();
        if (ending != null) {
            w.println(ending);
        }
        w.println("events received: " + count);
        w.flush();
    }

    @Override
    protected boolean printsTrailer() {
        return !background;
    }
}
