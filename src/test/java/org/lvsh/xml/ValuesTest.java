package org.lvsh.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValuesTest {

    @ParameterizedTest
    @CsvSource({
        "4, KiB, 4",
        "4, k, 4",
        "4, K, 4",
        "4, kib, 4",
        "8, KB, 8",
        "1, KB, 1",
        "4096, b, 4",
        "4096, bytes, 4",
        "1, byte, 1",
        "0, bytes, 0",
        "2, MiB, 2048",
        "2, M, 2048",
        "1, MB, 977",
        "1, GiB, 1048576",
        "1, GB, 976563",
        "1, TiB, 1073741824",
        "1, PiB, 1099511627776",
        "1, EiB, 1125899906842624",
    })
    void kib(String amount, String unit, long expected) {
        assertEquals(expected, Values.kib(amount, unit, "test"));
    }

    @Test
    void kibWithoutUnitOrAmount() {
        assertEquals(2097152L, Values.kib("2097152", null, "test"));
        assertNull(Values.kib(null, "MiB", "test"));
        assertNull(Values.kib("", "MiB", "test"));
    }

    @Test
    void kibOutOfRange() {
        assertEquals("malformed XML from libvirt: '9000000 EiB' is out of range (memory)",
                assertThrows(XmlRefused.class, () -> Values.kib("9000000", "EiB", "memory")).getMessage());
        assertEquals("malformed XML from libvirt: unknown unit 'KiBB' (memory)",
                assertThrows(XmlRefused.class, () -> Values.kib("1", "KiBB", "memory")).getMessage());
        assertEquals("malformed XML from libvirt: unknown unit 'x' (memory)",
                assertThrows(XmlRefused.class, () -> Values.kib("1", "x", "memory")).getMessage());
    }

    @Test
    void numbers() {
        assertEquals(255, Values.integer("255", "maxCpus"));
        assertEquals(255, Values.integer(" 255\n", "maxCpus"));
        assertNull(Values.integer(null, "maxCpus"));
        assertNull(Values.integer("  ", "maxCpus"));
        assertEquals(2596158000L, Values.number("2596158000", "frequency"));
        assertEquals("malformed XML from libvirt: '2596158000' is out of range (id)",
                assertThrows(XmlRefused.class, () -> Values.integer("2596158000", "id")).getMessage());
        assertEquals("malformed XML from libvirt: '1.5' is not a number (id)",
                assertThrows(XmlRefused.class, () -> Values.integer("1.5", "id")).getMessage());
    }

    @Test
    void yesNo() {
        assertEquals(true, Values.yesNo("yes", "x"));
        assertEquals(false, Values.yesNo("no", "x"));
        assertEquals(true, Values.yesNo("on", "x"));
        assertNull(Values.yesNo(null, "x"));
    }
}
