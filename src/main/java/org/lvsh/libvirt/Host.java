package org.lvsh.libvirt;

import static org.lvsh.libvirt.LibvirtFailure.call;

import java.util.ArrayList;
import java.util.List;
import org.libvirt.Connect;
import org.libvirt.Library;
import org.lvsh.libvirt.jna.Natives;
import org.lvsh.xml.CapabilitiesParser;
import org.lvsh.model.Capabilities;
import org.lvsh.model.ConnectionInfo;
import org.lvsh.model.FreeCells;
import org.lvsh.model.FreePages;
import org.lvsh.model.NodeInfo;
import org.lvsh.model.VersionInfo;

/** Host-level questions, answered as model records. */
public final class Host {
    private Host() {
    }

    public static NodeInfo nodeInfo(Connection c) {
        return c.handle().nodeInfo();
    }

    public static String hostname(Connection c) {
        return c.handle().hostname();
    }

    public static String capabilitiesXml(Connection c) {
        return c.handle().capabilities();
    }

    public static ConnectionInfo connectionInfo(Connection c) {
        Connect b = c.binding();
        String transport = transport(c.uri());
        Boolean encrypted = flag(() -> b.isEncrypted());
        ConnectionInfo info = new ConnectionInfo(c.uri(), c.readOnly(), encrypted, flag(() -> b.isSecure()),
                call(b::getType), transport);
        return info.encryptedByTransport() && !Boolean.TRUE.equals(encrypted)
                ? new ConnectionInfo(info.uri(), info.readonly(), true, info.secure(), info.driver(), transport)
                : info;
    }

    /** The remote driver's transport as libvirt chooses it: DRIVER+TRANSPORT, tls when a host has none. */
    static String transport(String uri) {
        if (uri == null) {
            return null;
        }
        int colon = uri.indexOf(':');
        String scheme = colon < 0 ? uri : uri.substring(0, colon);
        int plus = scheme.indexOf('+');
        if (plus >= 0) {
            return scheme.substring(plus + 1).toLowerCase(java.util.Locale.ROOT);
        }
        boolean hasHost = uri.startsWith("//", colon + 1) && uri.length() > colon + 3
                && uri.charAt(colon + 3) != '/';
        return hasHost ? "tls" : null;
    }

    private static Boolean flag(LibvirtFailure.Call<Integer> query) {
        try {
            int v = query.run();
            return v < 0 ? null : v == 1;
        } catch (org.libvirt.LibvirtException e) {
            return null;
        }
    }

    /** Free memory of the whole host, in KiB. */
    public static long freeMemoryKib(Connection c) {
        return call(c.binding()::getFreeMemory) / 1024;
    }

    /** Free memory of {@code count} cells from {@code start}, in KiB. */
    public static List<FreeCells.Cell> freeCells(Connection c, int start, int count) {
        long[] bytes = Natives.cellsFreeMemory(c.handle(), start, count);
        List<FreeCells.Cell> cells = new ArrayList<>(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            cells.add(new FreeCells.Cell(start + i, bytes[i] / 1024));
        }
        return cells;
    }

    /** Free pages of the given sizes (KiB) in each cell listed. */
    public static FreePages freePages(Connection c, List<Integer> cellIds, int[] sizesKib) {
        List<FreePages.Cell> cells = new ArrayList<>(cellIds.size());
        for (int cell : cellIds) {
            long[] counts = Natives.freePages(c.handle(), sizesKib, cell, 1);
            List<FreePages.Pages> pages = new ArrayList<>(sizesKib.length);
            for (int p = 0; p < sizesKib.length; p++) {
                pages.add(new FreePages.Pages(sizesKib[p], counts[p]));
            }
            cells.add(new FreePages.Cell(cell, pages));
        }
        return new FreePages(cells);
    }

    public static VersionInfo version(Connection c, boolean daemon, String lvshVersion, String bindingVersion) {
        Connect b = c.binding();
        long library = call(Library::getVersion);
        String type = call(b::getType);
        long hypervisor = call(b::getVersion);
        String daemonVersion = daemon ? decode(call(b::getLibVersion)) : null;
        return new VersionInfo(decode(library), new VersionInfo.Api(type, decode(library)),
                new VersionInfo.Hypervisor(type, hypervisor == 0 ? null : decode(hypervisor)), daemonVersion,
                lvshVersion, bindingVersion);
    }

    /** The libvirt version of the host's side of the connection (the daemon's, or the library's for test:///). */
    public static String libvirtVersion(Connection c) {
        Connect b = c.binding();
        return decode(call(b::getLibVersion));
    }

    /** libvirt packs versions as major * 1,000,000 + minor * 1,000 + release. */
    public static String decode(long version) {
        return version / 1_000_000 + "." + version / 1_000 % 1_000 + "." + version % 1_000;
    }

    /** The host's capabilities, parsed (the XML comes from the daemon: parsed defensively). */
    public static Capabilities capabilities(Connection c) {
        return CapabilitiesParser.parse(capabilitiesXml(c));
    }

    /** NUMA cell ids as capabilities lists them (they need not be contiguous), as virsh's freecell --all. */
    public static List<Integer> numaCellIds(Connection c) {
        Capabilities.Topology topology = capabilities(c).host().topology();
        List<Integer> ids = new ArrayList<>();
        if (topology != null) {
            for (Capabilities.Cell cell : topology.cells()) {
                if (cell.id() != null) {
                    ids.add(cell.id());
                }
            }
        }
        return ids;
    }

    /** Page sizes the host CPU supports, in KiB, ascending and distinct, as virsh's freepages --all. */
    public static long[] pageSizesKib(Connection c) {
        Capabilities.HostCpu cpu = capabilities(c).host().cpu();
        if (cpu == null) {
            return new long[0];
        }
        return cpu.pages().stream().map(Capabilities.PageSize::sizeKib).filter(java.util.Objects::nonNull)
                .mapToLong(Long::longValue).sorted().distinct().toArray();
    }
}
