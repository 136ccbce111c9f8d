package org.lvsh.libvirt;

import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/** A looked-up domain, freed by {@link #close()} rather than by the binding's finalizer. */
public final class OpenDomain implements AutoCloseable {
    private final Domain domain;
    private boolean freed;

    OpenDomain(Domain domain) {
        this.domain = domain;
    }

    Domain binding() {
        return domain;
    }

    @Override
    public void close() {
        if (!freed) {
            freed = true;
            try {
                domain.free();
            } catch (LibvirtException e) {
                // Freeing only drops our reference; libvirt has nothing to report that the user could act on.
            }
        }
    }
}
