package org.lvsh.libvirt.jna;

import com.sun.jna.Pointer;
import org.libvirt.LibvirtException;
import org.lvsh.libvirt.LibvirtError;

/**
 * Keeps libvirt's own "libvirt: ... error : ..." printer silent and remembers each thread's last raw error, so
 * that error numbers the binding's enums do not know still reach the user exactly.
 */
public final class ErrorCapture {
    private static final ThreadLocal<LibvirtError> LAST = new ThreadLocal<>();
    // Held in a static field: JNA callbacks must stay reachable as long as libvirt may call them.
    private static final Virt.ErrorFunc HANDLER = (userData, error) -> {
        if (error != null) {
            LAST.set(read(error));
        }
    };
    private static volatile boolean installed;

    private ErrorCapture() {
    }

    public static void install() {
        if (!installed) {
            synchronized (ErrorCapture.class) {
                if (!installed) {
                    Virt.virSetErrorFunc(null, HANDLER);
                    installed = true;
                }
            }
        }
    }

    /** The error behind a binding exception, with libvirt's own numbers where we saw them. */
    public static LibvirtError of(LibvirtException e) {
        org.libvirt.Error binding = e.getError();
        LibvirtError raw = LAST.get();
        if (raw != null && binding != null && raw.message().equals(binding.getMessage())) {
            return raw;
        }
        if (binding == null) {
            return LibvirtError.of(1, 0, e.getMessage());
        }
        return LibvirtError.of(binding.getCode().ordinal(), binding.getDomain().ordinal(), binding.getMessage());
    }

    /** The calling thread's last libvirt error, for calls made through {@link Virt} directly. */
    static LibvirtError last() {
        Pointer p = Virt.virGetLastError();
        return p == null ? LibvirtError.of(1, 0, "unknown libvirt error") : read(p);
    }

    // virError: int code; int domain; char *message; int level; ...
    private static LibvirtError read(Pointer error) {
        int code = error.getInt(0);
        int domain = error.getInt(4);
        Pointer message = error.getPointer(8);
        return LibvirtError.of(code, domain, message == null ? "" : message.getString(0, "UTF-8"));
    }
}
