package org.lvsh.libvirt;

import org.libvirt.LibvirtException;
import org.lvsh.libvirt.jna.ErrorCapture;

/** A libvirt call that failed, carrying libvirt's error. The libvirt/ layer throws only this. */
public final class LibvirtFailure extends RuntimeException {
    private final transient LibvirtError error;

    public LibvirtFailure(LibvirtError error) {
        super(error.message());
        this.error = error;
    }

    public LibvirtError error() {
        return error;
    }

    /** A call into the binding. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws LibvirtException;
    }

    public static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (LibvirtException e) {
            throw new LibvirtFailure(ErrorCapture.of(e));
        }
    }
}
