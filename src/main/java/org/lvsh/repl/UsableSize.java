package org.lvsh.repl;

import org.jline.terminal.Size;
import org.jline.terminal.Terminal;

/**
 * A terminal that reports no size (a serial console, `docker exec -it` before its first resize, a pty nobody
 * sized) leaves JLine drawing a zero-column screen: the prompt collapses and typing is not echoed. As readline
 * does, lvsh then works at 80 columns (24 rows); a real size, from a later resize, is used as soon as it comes.
 */
final class UsableSize {
    static final int COLUMNS = 80;
    static final int ROWS = 24;

    private UsableSize() {
    }

    /** Called before each line is read: JLine reads the size there, and again on every resize. */
    static void ensure(Terminal terminal) {
        Size size = terminal.getSize();
        if (size.getColumns() > 0 && size.getRows() > 0) {
            return;
        }
        // The device's own size is set (as `stty cols 80` would): JLine takes it from there on every redraw.
        terminal.setSize(new Size(size.getColumns() > 0 ? size.getColumns() : COLUMNS,
                size.getRows() > 0 ? size.getRows() : ROWS));
    }
}
