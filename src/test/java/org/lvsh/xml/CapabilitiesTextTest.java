package org.lvsh.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lvsh.output.CapabilitiesText;
import org.lvsh.output.DisplayWidth;
import org.lvsh.output.Format;
import org.lvsh.output.Output;

/** Golden text of {@link CapabilitiesText}. */
class CapabilitiesTextTest {

    private static String render(String fixture, boolean headers) {
        StringWriter text = new StringWriter();
        Output out = new Output(new PrintWriter(text), Format.TABLE, false, headers);
        CapabilitiesText.render(CapabilitiesParser.parse(Fixtures.read(fixture)), out);
        out.writer().flush();
        return text.toString();
    }

    @Test
    void testDriver() {
        assertEquals(String.join("\n",
                "Host:",
                "CPU arch:            i686",
                "CPU features:        pae nonpae",
                "Page sizes:          4KiB 8KiB 2MiB 1GiB",
                "Power management:    none",
                "IOMMU:               no",
                "",
                "NUMA cells:",
                " Cell   Memory (KiB)   CPUs   Pages                       Distances",
                "---------------------------------------------------------------------",
                " 0      2097152        0-7    4KiB:524288 2MiB:0 1GiB:0   -",
                " 1      4194304        8-15   8KiB:524288 2MiB:0 1GiB:0   -",
                "",
                "Security models:",
                " Model          DOI   Base labels",
                "-----------------------------------",
                " testSecurity   -     -",
                "",
                "Guest 1:",
                "OS type:             hvm",
                "Arch:                i686",
                "Word size:           32",
                "Emulator:            /usr/bin/test-hv",
                "Domain types:        test",
                "Features:            pae, nonpae",
                "",
                "Guest 2:",
                "OS type:             xen",
                "Arch:                i686",
                "Word size:           32",
                "Emulator:            /usr/bin/test-hv",
                "Domain types:        test",
                "Features:            pae, nonpae",
                ""), render("test-default.xml", true));
    }

    @Test
    void serverHostBlockAndTables() {
        List<String> lines = render("qemu-numa-server.xml", true).lines().toList();
        assertEquals(List.of(
                "Host:",
                "UUID:                4c4c4544-0047-3510-8052-b4c04f4b4e32",
                "CPU arch:            x86_64",
                "CPU model:           Skylake-Server-IBRS",
                "CPU vendor:          Intel",
                "CPU topology:        1 socket(s), 1 die(s), 8 core(s), 2 thread(s)",
                "CPU features:        ds acpi ss ht tm pbe dtes64 monitor ds_cpl vmx smx est tm2 xtpr pdcm dca",
                "                     osxsave tsc_adjust cmt clflushopt intel-pt pku ospke md-clear stibp",
                "                     arch-capabilities ssbd xsaves mbm_total mbm_local pdpe1gb invtsc",
                "                     skip-l1dfl-vmentry pschange-mc-no",
                "Page sizes:          4KiB 2MiB 1GiB",
                "Power management:    suspend_mem suspend_disk suspend_hybrid",
                "IOMMU:               yes",
                "Live migration:      yes",
                "URI transports:      tcp rdma",
                "",
                "NUMA cells:",
                " Cell   Memory (KiB)   CPUs         Pages                           Distances",
                "-------------------------------------------------------------------------------",
                " 0      48911820       0-7,16-23    4KiB:11965811 2MiB:512 1GiB:0   0:10 1:21",
                " 1      49541392       8-15,24-31   4KiB:11336772 2MiB:0 1GiB:4     0:21 1:10",
                "",
                "Caches:",
                " Bank   Level   Type   Size (KiB)   CPUs",
                "------------------------------------------------",
                " 0      3       both   11264        0-7,16-23",
                " 1      3       both   11264        8-15,24-31",
                "",
                "Memory bandwidth:",
                " Node   CPUs         Granularity (%)   Min (%)   Max allocs",
                "-------------------------------------------------------------",
                " 0      0-7,16-23    10                10        8",
                " 1      8-15,24-31   10                10        8",
                "",
                "Security models:",
                " Model   DOI   Base labels",
                "-----------------------------------------------------",
                " none    0     -",
                " dac     0     kvm=+64055:+64055 qemu=+64055:+64055"), lines.subList(0, 39));
    }

    @Test
    void serverGuest() {
        String text = render("qemu-numa-server.xml", true);
        String guest = text.substring(text.indexOf("Guest 2:"));
        List<String> lines = guest.lines().toList();
        assertEquals(List.of(
                "Guest 2:",
                "OS type:             hvm",
                "Arch:                x86_64",
                "Word size:           64",
                "Emulator:            /usr/bin/qemu-system-x86_64",
                "Domain types:        qemu, kvm",
                "Features:            acpi (default on, toggle yes), apic (default on, toggle no), cpuselection,",
                "                     deviceboot, disksnapshot (default on, toggle no)",
                "",
                "Machines:",
                " Machine         Max CPUs   Canonical       Deprecated",
                "--------------------------------------------------------",
                " pc-i440fx-7.2   255        -               no",
                " pc              255        pc-i440fx-7.2   no"), lines.subList(0, 14));
        assertEquals(" pc-i440fx-1.4   255        -               yes", lines.get(28));
        assertEquals(" x-remote        1          -               no", lines.get(31));
        assertEquals(32, lines.size());
    }

    @Test
    void domainMachinesGetTheirOwnTable() {
        StringWriter text = new StringWriter();
        Output out = new Output(new PrintWriter(text), Format.TABLE, false, true);
        CapabilitiesText.render(CapabilitiesParser.parse("""
                <capabilities><host/><guest><os_type>hvm</os_type><arch name='x86_64'>
                  <domain type='qemu'/>
                  <domain type='kvm'><emulator>/usr/libexec/qemu-kvm</emulator>
                    <machine maxCpus='710'>pc-q35-rhel9.2.0</machine></domain>
                </arch></guest></capabilities>"""), out);
        out.writer().flush();
        assertEquals(String.join("\n",
                "Host:",
                "Power management:    none",
                "",
                "Guest 1:",
                "OS type:             hvm",
                "Arch:                x86_64",
                "Domain types:        qemu, kvm (/usr/libexec/qemu-kvm)",
                "",
                "Machines (kvm only):",
                " Machine            Max CPUs   Canonical   Deprecated",
                "-------------------------------------------------------",
                " pc-q35-rhel9.2.0   710        -           no",
                ""), text.toString());
    }

    @Test
    void withoutHeaders() {
        String text = render("test-default.xml", false);
        assertTrue(text.contains("NUMA cells:\n 0   2097152   0-7    4KiB:524288 2MiB:0 1GiB:0   -\n"), text);
        assertTrue(text.lines().noneMatch(l -> l.startsWith("---")), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"test-default.xml", "qemu-host.xml", "qemu-numa-server.xml"})
    void fitsInOneHundredColumns(String fixture) {
        render(fixture, true).lines().forEach(l -> assertTrue(DisplayWidth.of(l) <= 100, l));
    }
}
