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
import org.lvsh.model.MaxVcpus;
import org.lvsh.model.NodeCpuMap;
import org.lvsh.model.NodeStats;
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

    /**
     * maxvcpus as virsh answers it: the domain capabilities' vcpu maximum where the driver has them (QEMU's
     * count for the machine type), else virConnectGetMaxVcpus.
     */
    public static MaxVcpus maxVcpus(Connection c, String type) {
        try {
            Integer max = org.lvsh.xml.DomainCapabilitiesXml.maxVcpus(c.handle().domainCapabilities(type));
            if (max != null) {
                return new MaxVcpus(type, max);
            }
        } catch (LibvirtFailure e) {
            // no domain capabilities for this driver or type: libvirt's older call answers (or says why not)
        }
        return new MaxVcpus(type, c.handle().maxVcpus(type));
    }

    /** How many memory statistics the host has for a cell (-1: all). */
    public static int memoryStatCount(Connection c, int cell) {
        return c.handle().memoryStatCount(cell);
    }

    public static NodeStats memoryStats(Connection c, int cell, int count) {
        return NodeStats.memory(c.handle().memoryStats(cell, count));
    }

    public static int cpuStatCount(Connection c, int cpu) {
        return c.handle().cpuStatCount(cpu);
    }

    public static NodeStats cpuStats(Connection c, int cpu, int count) {
        return NodeStats.cpu(c.handle().cpuStats(cpu, count));
    }

    /**
     * nodecpustats --percent: two samples a second apart, as virsh takes them; a driver's own utilization
     * figure needs one. Null when no CPU time passed between the samples (the test driver's counters stand
     * still), where virsh prints -nan%.
     */
    public static org.lvsh.model.NodeCpuPercent cpuPercent(Connection c, int cpu, int count)
            throws InterruptedException {
        java.util.Map<String, Long> first = c.handle().cpuStats(cpu, count);
        Long utilization = first.get("utilization");
        if (utilization != null) {
            return new org.lvsh.model.NodeCpuPercent((double) utilization, null, null, 100.0 - utilization, null,
                    null);
        }
        Thread.sleep(1000);
        java.util.Map<String, Long> second = c.handle().cpuStats(cpu, count);
        String[] fields = {"user", "kernel", "idle", "iowait", "intr"};
        Double[] delta = new Double[fields.length];
        double total = 0;
        for (int i = 0; i < fields.length; i++) {
            Long a = first.get(fields[i]);
            Long b = second.get(fields[i]);
            if (a != null && b != null) {
                delta[i] = (double) (b - a);
                total += delta[i];
            }
        }
        if (total <= 0) {
            return null;
        }
        Double[] pct = new Double[fields.length];
        for (int i = 0; i < fields.length; i++) {
            pct[i] = delta[i] == null ? null : delta[i] / total * 100;
        }
        double usage = ((delta[0] == null ? 0 : delta[0]) + (delta[1] == null ? 0 : delta[1])) / total * 100;
        return new org.lvsh.model.NodeCpuPercent(usage, pct[0], pct[1], pct[2], pct[3], pct[4]);
    }

    /** The CPU map: which CPUs are online. */
    public static NodeCpuMap cpuMap(Connection c) {
        com.sun.jna.ptr.IntByReference online = new com.sun.jna.ptr.IntByReference();
        boolean[] cpus = c.handle().cpuMap(online);
        StringBuilder map = new StringBuilder(cpus.length);
        List<Integer> onlineCpus = new ArrayList<>();
        for (int cpu = 0; cpu < cpus.length; cpu++) {
            map.append(cpus[cpu] ? 'y' : '-');
            if (cpus[cpu]) {
                onlineCpus.add(cpu);
            }
        }
        return new NodeCpuMap(cpus.length, online.getValue(), map.toString(), onlineCpus);
    }

    public static String sysinfoXml(Connection c) {
        return c.handle().sysinfo();
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
