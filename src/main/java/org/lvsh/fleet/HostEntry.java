package org.lvsh.fleet;

/**
 * A host of a run: its name as the user gave it (a hosts.yaml name, a libvirt uri_aliases name, or the URI
 * itself), the URI to open, and its own deadline and read-only choice (null: the run's).
 */
public record HostEntry(String name, String uri, Integer timeoutSeconds, boolean readOnly) {
    /** A host named by its URI on the command line. */
    public static HostEntry ofUri(String uri) {
        return new HostEntry(uri, uri, null, false);
    }
}
