package org.lvsh.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds a test-driver node file: a host of our own with the domains a test needs (test:///PATH). */
public final class NodeXml {
    /** libvirt's test-driver run states. */
    public enum State {
        NOSTATE(0), RUNNING(1), BLOCKED(2), PAUSED(3), SHUTDOWN(4), SHUTOFF(5), CRASHED(6), PMSUSPENDED(7);

        final int code;

        State(int code) {
            this.code = code;
        }
    }

    private final List<String> domains = new ArrayList<>();
    private String auth = "";
    private int counter;

    public static NodeXml host() {
        return new NodeXml();
    }

    public NodeXml domain(String name, State state) {
        return domain(name, state, false, null, false);
    }

    public NodeXml domain(String name, State state, boolean transientDomain, String title, boolean managedSave) {
        counter++;
        String uuid = String.format("11111111-2222-3333-4444-%012d", counter);
        domains.add("<domain type='test'><name>" + escape(name) + "</name><uuid>" + uuid + "</uuid>"
                + (title == null ? "" : "<title>" + escape(title) + "</title>")
                + "<memory unit='MiB'>" + (128 * counter) + "</memory><vcpu>" + (1 + counter % 4) + "</vcpu>"
                + "<os><type>hvm</type></os>"
                + "<test:runstate>" + state.code + "</test:runstate>"
                + (transientDomain ? "<test:transient/>" : "")
                + (managedSave ? "<test:hasmanagedsave/>" : "")
                + "</domain>\n");
        return this;
    }

    /** Makes the test driver ask for credentials through the auth callback. */
    public NodeXml auth(String user, String password) {
        auth = "<auth><user password='" + escape(password) + "'>" + escape(user) + "</user></auth>\n";
        return this;
    }

    public String xml() {
        return "<node xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>\n"
                + "<cpu><mhz>2600</mhz><model>x86_64</model><nodes>2</nodes><sockets>2</sockets><cores>4</cores>"
                + "<threads>2</threads></cpu><memory>16777216</memory>\n"
                + auth + String.join("", domains) + "</node>\n";
    }

    /** Writes the file and returns its test:/// URI. */
    public String write(Path dir, String fileName) {
        Path file = dir.resolve(fileName).toAbsolutePath();
        try {
            Files.writeString(file, xml(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "test://" + file;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;");
    }
}
