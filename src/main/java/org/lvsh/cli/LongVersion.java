package org.lvsh.cli;

import java.io.PrintWriter;
import org.libvirt.Library;
import org.libvirt.LibvirtException;
import org.lvsh.libvirt.Host;

/** lvsh -V: lvsh's version, what it is built on, and the libvirt library it loaded. */
public final class LongVersion {
    private LongVersion() {
    }

    public static void print(PrintWriter out) {
        out.println("lvsh " + LvshVersion.lvsh() + ", a shell for libvirt");
        out.println();
        out.println("Built with:");
        out.println(" libvirt-java " + LvshVersion.get("libvirt-java") + ", JNA " + LvshVersion.get("jna")
                + ", picocli " + LvshVersion.get("picocli") + ", JLine " + LvshVersion.get("jline") + ", Jackson "
                + LvshVersion.get("jackson"));
        out.println("Running on:");
        out.println(" Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        String library;
        try {
            library = Host.decode(Library.getVersion());
        } catch (LibvirtException | RuntimeException | LinkageError e) {
            library = "not loadable (" + e.getMessage() + ")";
        }
        out.println(" libvirt " + library);
        out.flush();
    }
}
