package org.lvsh.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsh.support.Run;

/**
 * Thousands of hostile command lines through lvsh's front end, in this JVM, against test:///default: one-shot
 * with the words as separate arguments, one-shot as one command string, and script mode (many lines a run).
 * Every run must end with status 0-3, with nothing but error lines on stderr, an error line for every failure,
 * no stack trace, no libvirt printer, and must not hang. Fixed seeds: a failure names its input.
 */
class FrontEndFuzzTest {
    static final long SEED = 0x1F5A_2024L;
    private static final int ONE_SHOT_WORDS = 1500;
    private static final int ONE_SHOT_STRINGS = 1000;
    private static final int SCRIPTS = 20;
    private static final int LINES_PER_SCRIPT = 100;
    /** Hang guard for one run: no run here needs more than a fraction of a second. */
    private static final long BOUND_SECONDS = 60;

    @TempDir
    Path dir;

    @Test
    void oneShotWithSeparateWords() {
        Fuzz fuzz = new Fuzz(SEED, dir);
        Verdicts verdicts = new Verdicts(true);
        try (Bounded bounded = new Bounded(BOUND_SECONDS)) {
            for (int i = 0; i < ONE_SHOT_WORDS; i++) {
                List<String> args = new ArrayList<>(List.of("-c", "test:///default"));
                args.addAll(fuzz.words());
                String[] argv = args.toArray(new String[0]);
                judge(verdicts, bounded, "args #" + i + " " + args, () -> Run.lvsh(argv));
            }
        }
        assertEquals(ONE_SHOT_WORDS, verdicts.runs());
        verdicts.assertClean();
    }

    @Test
    void oneShotAsOneCommandString() {
        Fuzz fuzz = new Fuzz(SEED + 1, dir);
        Verdicts verdicts = new Verdicts(true);
        try (Bounded bounded = new Bounded(BOUND_SECONDS)) {
            for (int i = 0; i < ONE_SHOT_STRINGS; i++) {
                String line = fuzz.line(Fuzz.Mode.LINE);
                judge(verdicts, bounded, "string #" + i + " " + line,
                        () -> Run.lvsh("-c", "test:///default", line));
            }
        }
        verdicts.assertClean();
    }

    @Test
    void scriptModeManyLinesPerRun() {
        Fuzz fuzz = new Fuzz(SEED + 2, dir);
        Verdicts verdicts = new Verdicts(true);
        try (Bounded bounded = new Bounded(BOUND_SECONDS)) {
            for (int i = 0; i < SCRIPTS; i++) {
                String stdin = String.join("\n", fuzz.script(LINES_PER_SCRIPT)) + "\n";
                judge(verdicts, bounded, "script #" + i + " " + stdin, () -> Run.script(stdin, "-c",
                        "test:///default"));
            }
        }
        verdicts.assertClean();
    }

    private static void judge(Verdicts verdicts, Bounded bounded, String input,
            java.util.concurrent.Callable<Run.Result> run) {
        Bounded.Outcome<Run.Result> o = bounded.run(run);
        if (o.hung()) {
            verdicts.hang(input);
        } else if (o.thrown() != null) {
            verdicts.crash(input, o.thrown());
        } else {
            verdicts.judge(input, o.value());
        }
    }
}
