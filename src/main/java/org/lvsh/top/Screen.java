package org.lvsh.top;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Curses;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;
import org.lvsh.model.TopFrame;
import org.lvsh.output.TopColumn;
import org.lvsh.output.TopText;

/**
 * top's full-screen view: the alternate screen, the cursor hidden, the terminal in raw mode; a frame drawn over
 * the last one at every sample, key press and resize. Sampling runs on the hosts' own threads: this loop only
 * draws and reads keys, so a host that does not answer never freezes it. Everything is given back as it was on
 * the way out, whatever the way (q, Ctrl-C, an error).
 */
final class Screen {
    private static final long KEY_WAIT_MILLIS = 100;
    private static final double MIN_DELAY = 0.1;

    private final Terminal terminal;
    private final Rounds rounds;
    private final View view;
    private final int count;
    private final ZoneId zone = ZoneId.systemDefault();
    private volatile boolean resized = true;
    /** Ctrl-C: a flag the loop reads, not an interrupt (the exec terminal's stty calls would fail on one). */
    private volatile boolean interrupted;
    private Size size;
    private TopFrame frame;
    private Page page = Page.MAIN;
    private Prompt prompt;
    private final StringBuilder typed = new StringBuilder();
    private String message;

    private enum Page { MAIN, HELP, FIELDS }

    private enum Prompt {
        DELAY, FILTER
    }

    private Screen(Terminal terminal, Rounds rounds, View view, TopFrame first, int count) {
        this.terminal = terminal;
        this.rounds = rounds;
        this.view = view;
        this.frame = first;
        this.count = count;
    }

    /**
     * Shows the view until q, Ctrl-C or the count of samples; the terminal is restored whatever happens.
     *
     * @param shell the shell's terminal; null for one of the view's own on stdin and stdout (one-shot mode)
     */
    static void show(Terminal shell, Rounds rounds, View view, TopFrame first, int count) throws IOException {
        if (shell != null) {
            new Screen(shell, rounds, view, first, count).run();
            return;
        }
        // The exec provider (stty), as the shell's: it gives the terminal back exactly as it found it. Made once the
        // first sample is in: until then Ctrl-C is the command's (JLine's system terminal takes the signals).
        try (Terminal own = TerminalBuilder.builder().system(true).name("lvsh").provider("exec").build()) {
            new Screen(own, rounds, view, first, count).run();
        }
    }

    private void run() throws IOException {
        Attributes saved = terminal.enterRawMode();
        Terminal.SignalHandler winch = terminal.handle(Terminal.Signal.WINCH, s -> resized = true);
        Terminal.SignalHandler intr = terminal.handle(Terminal.Signal.INT, s -> interrupted = true);
        try {
            terminal.puts(Capability.enter_ca_mode);
            terminal.puts(Capability.cursor_invisible);
            terminal.flush();
            loop();
        } catch (InterruptedIOException e) {
            // interrupted while reading a key (the shell abandoning the command): the view ends
        } finally {
            boolean wasInterrupted = Thread.interrupted(); // the terminal's stty calls must not see it
            terminal.puts(Capability.exit_ca_mode);
            terminal.puts(Capability.cursor_normal);
            terminal.flush();
            terminal.setAttributes(saved);
            terminal.handle(Terminal.Signal.INT, intr);
            terminal.handle(Terminal.Signal.WINCH, winch);
            if (wasInterrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() throws IOException {
        NonBlockingReader reader = terminal.reader();
        boolean dirty = true;
        while (!interrupted && !Thread.currentThread().isInterrupted()) {
            if (resized) {
                resized = false;
                size = terminal.getSize();
                dirty = true;
            }
            if (rounds.ready()) {
                frame = rounds.finish(view.delay());
                rounds.checkOneConnection();
                dirty = true;
            }
            if (dirty) {
                draw();
                dirty = false;
            }
            if (frame.sample() == count) {
                return;
            }
            if (!rounds.open() && rounds.untilNext(view.delay()) <= 0) {
                rounds.start(view.delay());
            }
            int c = reader.read(KEY_WAIT_MILLIS);
            if (c == NonBlockingReader.READ_EXPIRED) {
                continue;
            }
            if (c == NonBlockingReader.EOF || !key(reader, c)) {
                return;
            }
            dirty = true;
        }
    }

    /** @return false to leave the view */
    private boolean key(NonBlockingReader reader, int c) throws IOException {
        if (c == 27 && escapeSequence(reader)) {
            return true; // an arrow or function key: nothing here uses them
        }
        message = null;
        if (prompt != null) {
            typing(c);
            return true;
        }
        if (page == Page.HELP) {
            page = Page.MAIN;
            return true;
        }
        if (page == Page.FIELDS) {
            fieldKey(c);
            return true;
        }
        switch (c) {
            case 'q', 'Q' -> {
                return false;
            }
            case 'P' -> view.sortBy(TopColumn.CPU);
            case 'M' -> view.sortBy(TopColumn.MEM);
            case 'N' -> view.sortBy(TopColumn.NAME);
            case 'T' -> view.sortBy(TopColumn.TIME);
            case 'H' -> {
                if (view.available().contains(TopColumn.HOST)) {
                    view.sortBy(TopColumn.HOST);
                } else {
                    message = "one connection: no hosts to sort by (H sorts by host with -H)";
                }
            }
            case 'R' -> view.reverse();
            case '<' -> view.moveSort(-1);
            case '>' -> view.moveSort(1);
            case 'd', 's' -> ask(Prompt.DELAY);
            case 'o', 'O', '/' -> ask(Prompt.FILTER);
            case '=' -> view.filter(null);
            case 'i' -> view.toggleInactive();
            case 'f', 'F' -> page = Page.FIELDS;
            case 'h', '?' -> page = Page.HELP;
            case ' ', '\r', '\n' -> {
                if (!rounds.open()) {
                    rounds.start(view.delay());
                }
            }
            case 12 -> terminal.puts(Capability.clear_screen); // Ctrl-L
            default -> message = "unknown key '" + printable(c) + "'; h shows the keys";
        }
        return true;
    }

    /** After ESC: the rest of an escape sequence, read and dropped; false for ESC alone. */
    private static boolean escapeSequence(NonBlockingReader reader) throws IOException {
        int next = reader.peek(30);
        if (next != '[' && next != 'O') {
            return false;
        }
        reader.read();
        int c;
        do {
            c = reader.read(30);
        } while (c >= 0 && (c < 0x40 || c > 0x7e));
        return true;
    }

    private void ask(Prompt p) {
        prompt = p;
        typed.setLength(0);
    }

    private void typing(int c) {
        switch (c) {
            case '\r', '\n' -> {
                String text = typed.toString().strip();
                Prompt p = prompt;
                prompt = null;
                if (p == Prompt.FILTER) {
                    view.filter(text);
                } else if (!text.isEmpty()) {
                    Double seconds = Delay.parse(text);
                    if (seconds == null || seconds < MIN_DELAY) {
                        message = "invalid delay '" + text + "': seconds, at least " + MIN_DELAY;
                    } else {
                        view.delay(seconds);
                    }
                }
            }
            case 27, 3, 7 -> prompt = null; // Esc, Ctrl-C, Ctrl-G: as it was
            case 127, 8 -> {
                if (typed.length() > 0) {
                    typed.setLength(typed.length() - 1);
                }
            }
            case 21 -> typed.setLength(0); // Ctrl-U
            default -> {
                if (c >= 0x20 && typed.length() < 200) {
                    typed.append((char) c);
                }
            }
        }
    }

    private void fieldKey(int c) {
        List<TopColumn> available = view.available();
        int i = c - 'a';
        if (i >= 0 && i < available.size()) {
            view.toggle(available.get(i));
        } else if (c == 'q' || c == 27 || c == '\r' || c == '\n' || c == 'f') {
            page = Page.MAIN;
        }
    }

    private static String printable(int c) {
        return c < 0x20 || c == 0x7f ? "^" + (char) (c ^ 0x40) : String.valueOf((char) c);
    }

    // ---- drawing -------------------------------------------------------------------------------------------

    private void draw() {
        int width = size == null || size.getColumns() <= 0 ? 80 : size.getColumns();
        int height = size == null || size.getRows() <= 0 ? 24 : size.getRows();
        List<AttributedString> lines = switch (page) {
            case MAIN -> main(width, height);
            case HELP -> plain(help());
            case FIELDS -> plain(fields());
        };
        StringBuilder out = new StringBuilder();
        tputs(out, Capability.cursor_home);
        for (int i = 0; i < lines.size() && i < height; i++) {
            if (i > 0) {
                out.append("\r\n");
            }
            out.append(lines.get(i).columnSubSequence(0, width).toAnsi(terminal));
            tputs(out, Capability.clr_eol);
        }
        tputs(out, Capability.clr_eos);
        terminal.writer().write(out.toString());
        terminal.writer().flush();
    }

    private void tputs(StringBuilder out, Capability c) {
        String s = terminal.getStringCapability(c);
        if (s != null) {
            Curses.tputs(out, s);
        }
    }

    private List<AttributedString> main(int width, int height) {
        List<TopFrame.Row> rows = view.rows(frame);
        TopText.Block block = TopText.block(frame, rows, view.columns(), true, true, zone);
        List<AttributedString> lines = new ArrayList<>();
        List<String> summary = block.summary();
        int hostRoom = Math.max(2, height / 2);
        for (int i = 0; i < summary.size(); i++) {
            if (i == hostRoom && summary.size() > hostRoom + 1) {
                lines.add(new AttributedString("  ... " + (summary.size() - hostRoom) + " more hosts"));
                break;
            }
            lines.add(new AttributedString(summary.get(i)));
        }
        lines.add(status());
        String header = block.header();
        header = header + " ".repeat(Math.max(0, width - header.length()));
        lines.add(new AttributedString(header, AttributedStyle.INVERSE));
        int room = height - lines.size() - (block.legend() != null ? 1 : 0);
        List<String> shown = block.rows();
        for (int i = 0; i < shown.size(); i++) {
            if (i == room - 1 && shown.size() > room) {
                lines.add(new AttributedString("  ... " + (shown.size() - i) + " more domains (o filters them)"));
                break;
            }
            lines.add(new AttributedString(shown.get(i)));
        }
        if (block.legend() != null) {
            lines.add(new AttributedString(block.legend(), AttributedStyle.DEFAULT.faint()));
        }
        return lines;
    }

    /** The line under the summaries: a prompt being typed, a notice, or the view's settings. */
    private AttributedString status() {
        if (prompt == Prompt.DELAY) {
            return new AttributedString("Change delay from " + TopText.seconds(view.delay()) + " to: " + typed,
                    AttributedStyle.BOLD);
        }
        if (prompt == Prompt.FILTER) {
            return new AttributedString("Filter (a host or domain name containing TEXT, host=TEXT or name=TEXT; "
                    + "empty clears): " + typed, AttributedStyle.BOLD);
        }
        if (message != null) {
            return new AttributedString(message, AttributedStyle.BOLD);
        }
        String order = view.sort().numeric() ? (view.reversed() ? "lowest first" : "highest first")
                : (view.reversed() ? "Z to A" : "A to Z");
        return new AttributedString(String.format(Locale.ROOT, "Sort: %s %s, filter: %s, shut off: %s; h for help",
                view.sort().header(), order,
                view.filter() == null ? "none" : view.filter(), view.inactive() ? "shown" : "hidden"));
    }

    private static List<AttributedString> plain(List<String> lines) {
        return lines.stream().map(AttributedString::new).toList();
    }

    private static List<String> help() {
        return List.of(
                "lvsh top: keys",
                "",
                "  P  sort by %CPU         M  sort by memory       T  sort by CPU time",
                "  N  sort by name         H  sort by host (-H)    R  reverse the order",
                "  <  >  sort by the column on the left, on the right",
                "  d  s  change the delay between samples",
                "  f  choose the columns",
                "  o  /  filter: TEXT (a host or domain name containing it), host=TEXT or name=TEXT",
                "  =  clear the filter     i  show or hide shut-off domains",
                "  space  sample now       Ctrl-L  redraw       q  quit (Ctrl-C too)",
                "",
                "STATE* marks figures from an earlier sample: the host or the domain did not answer in time.",
                "%CPU is of the whole host (all its CPUs); MEMSRC says what MEM is: rss, guest or alloc.",
                "",
                "Press any key to go back.");
    }

    private List<String> fields() {
        List<String> lines = new ArrayList<>();
        lines.add("Columns: a letter shows or hides one; q, Esc or Enter goes back");
        lines.add("");
        List<TopColumn> available = view.available();
        for (int i = 0; i < available.size(); i++) {
            TopColumn c = available.get(i);
            lines.add(String.format(Locale.ROOT, " %s %c  %-7s %s", view.shows(c) ? "*" : " ", (char) ('a' + i),
                    c.header(), c.description()));
        }
        return lines;
    }
}
