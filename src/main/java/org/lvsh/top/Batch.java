package org.lvsh.top;

import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.lvsh.model.TopFrame;
import org.lvsh.model.TopRecord;
import org.lvsh.output.Format;
import org.lvsh.output.Output;
import org.lvsh.output.TopText;

/**
 * top -b: each sample printed as it is taken, until the count is reached, the output stops taking more (a closed
 * pipe), no host can answer any more, or Ctrl-C. Text is a block per sample as top prints it, blocks separated by
 * a blank line; the structured formats stream a record per domain and sample through {@link Output#stream}.
 */
final class Batch {
    private final Rounds rounds;
    private final View view;
    private final Output output;
    private final Output.Stream stream;
    private final ZoneId zone = ZoneId.systemDefault();

    Batch(Rounds rounds, View view, Output output) {
        this.rounds = rounds;
        this.view = view;
        this.output = output;
        this.stream = output.format() == Format.TABLE ? null : output.stream(TopRecord.class);
    }

    /** @param first the first sample, already taken */
    void run(TopFrame first, int count) throws InterruptedException {
        TopFrame frame = first;
        while (true) {
            print(frame);
            if (frame.sample() == count || output.writer().checkError() || rounds.over()) {
                return;
            }
            long wait = rounds.untilNext(view.delay());
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            frame = rounds.next(view.delay());
        }
    }

    private void print(TopFrame frame) {
        rounds.reportFailures();
        if (stream == null) {
            StringBuilder text = new StringBuilder();
            if (frame.sample() > 1) {
                text.append('\n'); // the blank line between samples (after the last one, the command's own)
            }
            for (String line : TopText.block(frame, view.rows(frame), view.columns(), !output.quiet(),
                    output.headers(), zone).lines()) {
                text.append(line).append('\n');
            }
            output.print(text.toString());
            output.writer().flush();
        } else {
            for (TopFrame.Row r : view.rows(frame)) {
                stream.emit(r.host(), r.record(), null);
            }
        }
    }
}
