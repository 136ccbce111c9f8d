package org.lvsh.model;

import java.util.List;
import java.util.Map;

/**
 * virConnectGetCapabilities: the host and the guests its driver can run, mirroring libvirt's capabilities XML.
 * Memory and sizes are in KiB whatever unit the XML used. An element that is absent gives null (an object or a
 * number) or an empty list or map (repeated elements).
 */
public record Capabilities(Host host, List<Guest> guests) {

    public record Host(String uuid, HostCpu cpu, List<String> powerManagement, Boolean iommu, Migration migration,
                       Topology topology, Cache cache, MemoryBandwidth memoryBandwidth, List<SecModel> secmodels) {
    }

    /** features: {@code <feature name='x'/>} elements and the test driver's {@code <features><pae/></features>}. */
    public record HostCpu(String arch, String model, String vendor, Long microcode, Signature signature,
                          Counter counter, CpuTopology topology, MaxPhysAddr maxPhysAddr, List<String> features,
                          List<PageSize> pages) {
    }

    public record Signature(Integer family, Integer model, Integer stepping) {
    }

    public record Counter(String name, Long frequency, Boolean scaling) {
    }

    /** Per NUMA node, as libvirt counts it (sockets is sockets per node). */
    public record CpuTopology(Integer sockets, Integer dies, Integer clusters, Integer cores, Integer threads) {
    }

    public record MaxPhysAddr(String mode, Integer bits) {
    }

    public record PageSize(Long sizeKib) {
    }

    public record Migration(boolean live, List<String> uriTransports) {
    }

    public record Topology(List<Cell> cells) {
    }

    public record Cell(Integer id, Long memoryKib, List<Cpu> cpus, List<CellPages> pages, List<Distance> distances) {
    }

    /** siblings as libvirt writes it: "0,4" or "0-3". */
    public record Cpu(Integer id, Integer socketId, Integer dieId, Integer clusterId, Integer coreId,
                      String siblings) {
    }

    /** count: pages of this size in the cell (total, not free). */
    public record CellPages(Long sizeKib, Long count) {
    }

    /** The distance from the enclosing cell to cell id. */
    public record Distance(Integer id, Integer value) {
    }

    public record Cache(List<CacheBank> banks) {
    }

    public record CacheBank(Integer id, Integer level, String type, Long sizeKib, String cpus,
                            List<CacheControl> controls) {
    }

    public record CacheControl(Long granularityKib, Long minKib, String type, Integer maxAllocs) {
    }

    public record MemoryBandwidth(List<BandwidthNode> nodes) {
    }

    /** Percentages of the node's memory bandwidth. */
    public record BandwidthNode(Integer id, String cpus, Integer granularity, Integer min, Integer maxAllocs) {
    }

    public record SecModel(String model, String doi, List<BaseLabel> baseLabels) {
    }

    public record BaseLabel(String type, String label) {
    }

    /**
     * machines: those every domain type can use; a domain's own machines are in domains. features maps each
     * feature element's name to its attributes ({@code acpi -> {default: on, toggle: yes}}, {@code pae -> {}}).
     */
    public record Guest(String osType, String arch, Integer wordsize, String emulator, String loader,
                        List<Machine> machines, List<GuestDomain> domains, Map<String, Map<String, String>> features) {
    }

    /** canonical: the versioned machine an alias (pc, q35) stands for; deprecated: libvirt says so. */
    public record Machine(String name, Integer maxCpus, String canonical, boolean deprecated) {
    }

    /** emulator: null when the domain type uses its arch's emulator. */
    public record GuestDomain(String type, String emulator, List<Machine> machines) {
    }
}
