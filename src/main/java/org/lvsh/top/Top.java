package org.lvsh.top;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jline.terminal.Terminal;
import org.lvsh.fleet.Fleet;
import org.lvsh.libvirt.Session;
import org.lvsh.model.TopFrame;
import org.lvsh.output.Output;
import org.lvsh.output.TopColumn;

/**
 * top: samples of every domain of the connection or of the set of hosts, shown full-screen or printed (batch mode).
 * Each host is sampled on its own thread with a constant number of libvirt calls per sample (see
 * {@link org.lvsh.libvirt.HostSampler}); see {@link Rounds} for when, and {@link Monitor} for what stale means.
 */
public final class Top {
    /** The full-screen view refreshes at most this often. */
    public static final double MIN_SCREEN_DELAY = 0.1;
    public static final double DEFAULT_DELAY = 3;

    /**
     * How top runs.
     *
     * @param count   samples to take before ending, null for no end
     * @param nowait  pass NOWAIT to the bulk statistics call
     * @param columns the columns to show, null for the default ones
     */
    public record Settings(Integer count, double delay, boolean nowait, List<TopColumn> columns, TopColumn sort,
                           String filter) {
    }

    /** Reports one host's failure on its own line and returns the status it means (3: not reached). */
    @FunctionalInterface
    public interface Reporter {
        int report(String host, Throwable failure);
    }

    private final Sources.Source source;
    private final boolean hosted;

    private Top(Sources.Source source, boolean hosted) {
        this.source = source;
        this.hosted = hosted;
    }

    /** top over a set of hosts (-H): rows name their host; each host within its own deadline. */
    public static Top onHosts(Fleet fleet, boolean nowait) {
        return new Top(Sources.of(fleet, nowait), true);
    }

    /** top over the run's connection, already open; {@code name} names it in the summary (its URI). */
    public static Top onConnection(Session session, String name, boolean nowait) {
        return new Top(Sources.of(session, name, nowait), false);
    }

    /** A delay as -d and the d key take it: seconds, fractions allowed; null when it is not one. */
    public static Double delay(String text) {
        return Delay.parse(text);
    }

    /**
     * Runs until the count, q or Ctrl-C.
     *
     * @param screen   the full-screen view, else batch mode on {@code output}
     * @param shell    the shell's terminal for the view; null: one of its own on stdin and stdout
     * @return the run's status (0, or what the hosts' failures mean; each has been reported on its own line)
     */
    public int run(Settings settings, Output output, boolean screen, Terminal shell, Reporter reporter)
            throws IOException {
        List<TopColumn> available = new ArrayList<>(List.of(TopColumn.values()));
        if (!hosted) {
            available.remove(TopColumn.HOST);
        }
        View view = new View(available, settings.columns() != null ? settings.columns() : TopColumn.defaults(hosted),
                settings.sort(), settings.filter(), settings.delay());
        Monitor monitor = new Monitor(source, hosted);
        Rounds rounds = new Rounds(monitor, !hosted, reporter);
        int count = settings.count() == null ? -1 : settings.count();
        try {
            TopFrame first = rounds.first(view.delay());
            if (!screen) {
                new Batch(rounds, view, output).run(first, count);
            } else {
                rounds.reportFailures(); // before the screen hides them: the first sample's failures
                source.promptsAllowed(false);
                Screen.show(shell, rounds, view, first, count);
            }
            rounds.reportFailures();
        } catch (InterruptedException e) {
            // Ctrl-C: the samples end here, as top ends
        } finally {
            monitor.close();
        }
        return rounds.status();
    }
}
