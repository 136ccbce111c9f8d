package org.lvsh.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lvsh.model.Sysinfo;
import org.lvsh.output.Format;
import org.lvsh.output.Output;
import org.lvsh.output.SysinfoText;

/** A host's SMBIOS document in libvirt's form (as dmidecode gives it to libvirt), parsed and shown. */
class SysinfoXmlTest {
    static final String HOST = """
            <sysinfo type='smbios'>
              <bios>
                <entry name='vendor'>SeaBIOS</entry>
                <entry name='version'>1.16.2-debian-1.16.2-1</entry>
              </bios>
              <system>
                <entry name='manufacturer'>QEMU</entry>
                <entry name='product'>Standard PC (i440FX + PIIX, 1996)</entry>
                <entry name='uuid'>8c3a5d2e-0d7e-4f61-a2b5-1c7b1f0f2a11</entry>
              </system>
              <baseBoard>
                <entry name='manufacturer'>Board A</entry>
              </baseBoard>
              <processor>
                <entry name='socket_destination'>CPU 0</entry>
                <entry name='max_speed'>2000 MHz</entry>
              </processor>
              <baseBoard>
                <entry name='manufacturer'>Board B</entry>
              </baseBoard>
              <processor>
                <entry name='socket_destination'>CPU 1</entry>
                <entry name='max_speed'>2000 MHz</entry>
                <entry name='status'>Populated, Enabled</entry>
              </processor>
              <memory_device>
                <entry name='size'>16 GB</entry>
                <entry name='form_factor'>DIMM</entry>
                <entry name='locator'>DIMM 0</entry>
              </memory_device>
              <oemStrings>
                <entry>first string</entry>
                <entry>second string</entry>
              </oemStrings>
            </sysinfo>
            """;

    @Test
    void everySectionEvenWhenRunsAreNotAdjacent() {
        Sysinfo s = SysinfoXml.parse(HOST);
        assertEquals("smbios", s.type());
        assertEquals(Map.of("vendor", "SeaBIOS", "version", "1.16.2-debian-1.16.2-1"), s.bios());
        assertEquals(List.of(Map.of("manufacturer", "Board A"), Map.of("manufacturer", "Board B")), s.baseBoards());
        assertEquals(2, s.processors().size());
        assertEquals("Populated, Enabled", s.processors().get(1).get("status"));
        assertEquals(List.of("first string", "second string"), s.oemStrings());
        assertEquals(null, s.chassis());
    }

    @Test
    void textHasBlocksAndTables() {
        StringWriter text = new StringWriter();
        Output out = new Output(new PrintWriter(text), Format.TABLE, false, true);
        SysinfoText.render(SysinfoXml.parse(HOST), out);
        out.writer().flush();
        assertEquals("""
                BIOS:
                  Vendor:  SeaBIOS
                  Version: 1.16.2-debian-1.16.2-1

                System:
                  Manufacturer: QEMU
                  Product:      Standard PC (i440FX + PIIX, 1996)
                  Uuid:         8c3a5d2e-0d7e-4f61-a2b5-1c7b1f0f2a11

                Base board 1:
                  Manufacturer: Board A

                Base board 2:
                  Manufacturer: Board B

                Processors:
                 Socket destination   Max speed   Status
                ------------------------------------------------------
                 CPU 0                2000 MHz    -
                 CPU 1                2000 MHz    Populated, Enabled

                Memory devices:
                 Size    Form factor   Locator
                --------------------------------
                 16 GB   DIMM          DIMM 0

                OEM strings:
                  1: first string
                  2: second string
                """, text.toString());
    }

    @Test
    void aHostileDocumentIsRefused() {
        assertThrows(XmlRefused.class, () -> SysinfoXml.parse("<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>"
                + "<sysinfo><bios><entry name='v'>&e;</entry></bios></sysinfo>"));
    }
}
