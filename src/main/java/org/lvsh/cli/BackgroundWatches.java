package org.lvsh.cli;

import java.util.ArrayList;
import java.util.List;
import org.lvsh.libvirt.EventHub;

/** The shell's background event watches (event --background), stopped by event --stop, reconnects and exit. */
public final class BackgroundWatches {
    private final List<EventHub.Subscription> watches = new ArrayList<>();

    public synchronized void add(EventHub.Subscription s) {
        watches.add(s);
    }

    public synchronized void stopAll() {
        for (EventHub.Subscription s : watches) {
            s.close();
        }
        watches.clear();
    }
}
