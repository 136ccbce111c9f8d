package org.lvsh.libvirt;

/** No domain answers to the text the user gave. Carries libvirt's error from the last lookup tried. */
public final class DomainNotFound extends RuntimeException {
    private final String text;
    private final transient LibvirtError error;

    DomainNotFound(String text, LibvirtError error) {
        super("failed to get domain '" + text + "'", null, false, false);
        this.text = text;
        this.error = error;
    }

    public String text() {
        return text;
    }

    public LibvirtError error() {
        return error;
    }
}
