package org.lvsh.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lvsh.model.Capabilities;
import org.lvsh.model.Capabilities.CellPages;
import org.lvsh.model.Capabilities.Guest;
import org.lvsh.model.Capabilities.GuestDomain;
import org.lvsh.model.Capabilities.Machine;
import org.lvsh.model.Capabilities.PageSize;

/** The shapes of libvirt XML that trip Jackson XML up (notes/java-stack.md), one document each. */
class MappingPitfallsTest {

    @Test
    void nonAdjacentRepeatsAreAllKept() {
        Capabilities caps = CapabilitiesParser.parse("""
                <capabilities>
                  <host>
                    <cpu>
                      <feature name='a'/>
                      <pages unit='KiB' size='4'/>
                      <feature name='b'/>
                      <pages unit='KiB' size='2048'/>
                    </cpu>
                  </host>
                  <guest><os_type>hvm</os_type><arch name='i686'/></guest>
                  <unknown/>
                  <guest><os_type>hvm</os_type>
                    <arch name='x86_64'>
                      <machine maxCpus='255'>pc-i440fx-7.2</machine>
                      <domain type='qemu'/>
                      <machine canonical='pc-i440fx-7.2' maxCpus='255'>pc</machine>
                      <domain type='kvm'/>
                    </arch>
                  </guest>
                </capabilities>
                """);
        assertEquals(List.of("a", "b"), caps.host().cpu().features());
        assertEquals(List.of(new PageSize(4L), new PageSize(2048L)), caps.host().cpu().pages());
        assertEquals(List.of("i686", "x86_64"), caps.guests().stream().map(Guest::arch).toList());
        Guest g = caps.guests().get(1);
        assertEquals(List.of(new Machine("pc-i440fx-7.2", 255, null, false), new Machine("pc", 255, "pc-i440fx-7.2",
                false)), g.machines());
        assertEquals(List.of("qemu", "kvm"), g.domains().stream().map(GuestDomain::type).toList());
    }

    @Test
    void machinesInsideADomain() {
        Capabilities caps = CapabilitiesParser.parse("""
                <capabilities><host/>
                  <guest>
                    <os_type>hvm</os_type>
                    <arch name='x86_64'>
                      <wordsize>64</wordsize>
                      <emulator>/usr/bin/qemu-system-x86_64</emulator>
                      <machine>pc-0.12</machine>
                      <domain type='qemu'>
                      </domain>
                      <domain type='kvm'>
                        <emulator>/usr/libexec/qemu-kvm</emulator>
                        <machine maxCpus='710'>pc-q35-rhel9.2.0</machine>
                        <machine canonical='pc-q35-rhel9.2.0' maxCpus='710'>q35</machine>
                      </domain>
                    </arch>
                  </guest>
                </capabilities>
                """);
        Guest g = caps.guests().get(0);
        assertEquals(List.of(new Machine("pc-0.12", null, null, false)), g.machines());
        assertEquals(List.of(new GuestDomain("qemu", null, List.of()), new GuestDomain("kvm", "/usr/libexec/qemu-kvm",
                List.of(new Machine("pc-q35-rhel9.2.0", 710, null, false),
                        new Machine("q35", 710, "pc-q35-rhel9.2.0", false)))), g.domains());
    }

    @Test
    void bothFormsOfHostCpuFeatures() {
        Capabilities caps = CapabilitiesParser.parse("""
                <capabilities><host><cpu>
                  <feature name='vmx'/>
                  <features><pae/><nonpae/></features>
                  <feature name='pae'/>
                </cpu></host></capabilities>
                """);
        assertEquals(List.of("vmx", "pae", "nonpae"), caps.host().cpu().features());
    }

    @Test
    void unitsAreConvertedToKib() {
        Capabilities caps = CapabilitiesParser.parse("""
                <capabilities><host>
                  <cpu><pages unit='MiB' size='2'/><pages size='4'/><pages unit='GiB' size='1'/></cpu>
                  <topology><cells num='3'>
                    <cell id='0'><memory unit='GiB'>16</memory><pages unit='bytes' size='4096'>7</pages></cell>
                    <cell id='1'><memory>1024</memory></cell>
                    <cell id='2'><memory unit='MB'>1</memory></cell>
                  </cells></topology>
                </host></capabilities>
                """);
        assertEquals(List.of(new PageSize(2048L), new PageSize(4L), new PageSize(1048576L)),
                caps.host().cpu().pages());
        var cells = caps.host().topology().cells();
        assertEquals(16777216L, cells.get(0).memoryKib());
        assertEquals(List.of(new CellPages(4L, 7L)), cells.get(0).pages());
        assertEquals(1024L, cells.get(1).memoryKib());
        assertEquals(977L, cells.get(2).memoryKib());
    }

    @Test
    void emptyAndAbsentElements() {
        Capabilities caps = CapabilitiesParser.parse("""
                <capabilities><host>
                  <cpu><arch>x86_64</arch><model></model><vendor/></cpu>
                  <power_management>
                  </power_management>
                  <migration_features><uri_transports/></migration_features>
                  <topology><cells num='1'><cell id='0'><cpus num='0'/></cell></cells></topology>
                  <secmodel><model>selinux</model><doi/></secmodel>
                </host>
                <guest><os_type>hvm</os_type><arch name='i686'><domain type='qemu'/></arch><features/></guest>
                </capabilities>
                """);
        assertEquals("", caps.host().cpu().model());
        assertEquals("", caps.host().cpu().vendor());
        assertNull(caps.host().cpu().topology());
        assertEquals(List.of(), caps.host().powerManagement());
        assertNull(caps.host().iommu());
        assertEquals(new Capabilities.Migration(false, List.of()), caps.host().migration());
        assertEquals(new Capabilities.Cell(0, null, List.of(), List.of(), List.of()),
                caps.host().topology().cells().get(0));
        assertEquals("", caps.host().secmodels().get(0).doi());
        Guest g = caps.guests().get(0);
        assertNull(g.wordsize());
        assertNull(g.emulator());
        assertEquals(Map.of(), g.features());
    }

    @Test
    void unknownElementsAndAttributesAreIgnored() {
        Capabilities caps = CapabilitiesParser.parse("""
                <?xml version='1.0' encoding='UTF-8'?>
                <!-- a comment before the root -->
                <capabilities version='99' xmlns:x='urn:future'>
                  <host brand-new='1'>
                    <uuid>u</uuid>
                    <x:extension><deep><deeper a='b'>text</deeper></deep></x:extension>
                    <cpu><arch>aarch64</arch><future-element/><topology sockets='1' cores='4' threads='1' books='2'/></cpu>
                    <iommu support='yes' extra='z'/>
                    <topology>
                      <cells num='1'>
                        <cell id='0' extra='1'>
                          <cache level='1' associativity='direct' policy='writeback'>
                            <size value='256' unit='KiB'/><line value='64' unit='B'/>
                          </cache>
                          <cpus num='1'><cpu id='0' socket_id='0' cluster_id='3' core_id='0' siblings='0' x='y'/></cpus>
                        </cell>
                      </cells>
                      <interconnects><latency initiator='0' target='0' type='access' value='5'/></interconnects>
                    </topology>
                  </host>
                  <guest><os_type>hvm</os_type><arch name='aarch64'><gic version='3'/></arch></guest>
                </capabilities>
                """);
        assertEquals("u", caps.host().uuid());
        assertEquals("aarch64", caps.host().cpu().arch());
        assertEquals(new Capabilities.CpuTopology(1, null, null, 4, 1), caps.host().cpu().topology());
        assertEquals(Boolean.TRUE, caps.host().iommu());
        assertEquals(List.of(new Capabilities.Cpu(0, 0, null, 3, 0, "0")),
                caps.host().topology().cells().get(0).cpus());
        assertEquals("aarch64", caps.guests().get(0).arch());
    }

    @Test
    void entitiesAndCharacterReferencesAreText() {
        Capabilities caps = CapabilitiesParser.parse(
                "<capabilities><host><secmodel><model>a&amp;b&#x20;&lt;c&gt;</model></secmodel></host>"
                        + "</capabilities>");
        assertEquals("a&b <c>", caps.host().secmodels().get(0).model());
    }

    @Test
    void badValuesAreMalformed() {
        assertEquals("malformed XML from libvirt: 'x' is not a number (cell id)", assertThrows(XmlRefused.class,
                () -> CapabilitiesParser.parse("<capabilities><host><topology><cells><cell id='x'/></cells>"
                        + "</topology></host></capabilities>")).getMessage());
        assertEquals("malformed XML from libvirt: unknown unit 'parsecs' (cell memory)", assertThrows(
                XmlRefused.class, () -> CapabilitiesParser.parse("<capabilities><host><topology><cells><cell>"
                        + "<memory unit='parsecs'>1</memory></cell></cells></topology></host></capabilities>"))
                .getMessage());
        assertEquals("malformed XML from libvirt: 'maybe' is not yes or no (iommu support)", assertThrows(
                XmlRefused.class, () -> CapabilitiesParser.parse(
                        "<capabilities><host><iommu support='maybe'/></host></capabilities>")).getMessage());
        assertEquals("malformed XML from libvirt: capabilities without a <host> element", assertThrows(
                XmlRefused.class, () -> CapabilitiesParser.parse("<domain type='kvm'><name>vm</name></domain>"))
                .getMessage());
    }
}
