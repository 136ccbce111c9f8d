package org.lvsh.packaging;

import java.nio.file.Path;
import org.lvsh.support.NodeXml;

/** The test host the completion tests ask: libvirt's test driver with a domain name that needs quoting and one that is not ASCII. */
final class LiveHost {
    private LiveHost() {
    }

    /** Writes the node file into {@code dir}; returns its test:///ABS/PATH URI. "my vm" runs (id 1), "café" is shut off. */
    static String write(Path dir) {
        return NodeXml.host()
                .domain("my vm", NodeXml.State.RUNNING)
                .domain("café", NodeXml.State.SHUTOFF)
                .write(dir, "node.xml");
    }
}
