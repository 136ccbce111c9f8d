package org.lvsh.xml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Typed values from libvirt's attribute and element strings; a value that does not parse is malformed XML. */
final class Values {
    private static final long KIB = 1024;

    private Values() {
    }

    /** null or blank gives null: libvirt leaves out what it does not know. */
    static Long number(String s, String what) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw XmlErrors.malformed("'" + s + "' is not a number (" + what + ")");
        }
    }

    static Integer integer(String s, String what) {
        Long n = number(s, what);
        if (n == null) {
            return null;
        }
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            throw XmlErrors.malformed("'" + s + "' is out of range (" + what + ")");
        }
        return n.intValue();
    }

    /** yes/no (and on/off) as libvirt writes booleans. */
    static Boolean yesNo(String s, String what) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "on", "true" -> true;
            case "no", "off", "false" -> false;
            default -> throw XmlErrors.malformed("'" + s + "' is not yes or no (" + what + ")");
        };
    }

    /**
     * An amount in unit, in KiB (rounded up, as libvirt does). Units as libvirt's virScaleInteger reads them: b,
     * bytes; k, KiB (1024) or KB (1000); likewise M, G, T, P, E. No unit means KiB.
     */
    static Long kib(String amount, String unit, String what) {
        Long n = number(amount, what);
        if (n == null || unit == null || unit.isBlank() || unit.equals("KiB")) {
            return n;
        }
        long bytesPerUnit = bytesPerUnit(unit, what);
        try {
            long bytes = Math.multiplyExact(n, bytesPerUnit);
            return Math.floorDiv(bytes, KIB) + (Math.floorMod(bytes, KIB) == 0 ? 0 : 1);
        } catch (ArithmeticException e) {
            throw XmlErrors.malformed("'" + amount + " " + unit + "' is out of range (" + what + ")");
        }
    }

    private static long bytesPerUnit(String unit, String what) {
        String u = unit.strip().toLowerCase(Locale.ROOT);
        if (u.equals("b") || u.equals("byte") || u.equals("bytes")) {
            return 1;
        }
        int power = u.isEmpty() ? -1 : "kmgtpe".indexOf(u.charAt(0)) + 1;
        String rest = u.isEmpty() ? "" : u.substring(1);
        long base = switch (rest) {
            case "", "ib" -> 1024;
            case "b" -> 1000;
            default -> 0;
        };
        if (power <= 0 || base == 0) {
            throw XmlErrors.malformed("unknown unit '" + unit + "' (" + what + ")");
        }
        long factor = 1;
        for (int i = 0; i < power; i++) {
            factor *= base;
        }
        return factor;
    }

    /** Converts a run of mapping objects; absent (null) gives an empty list. */
    static <X, T> List<T> each(List<X> xml, Function<X, T> convert) {
        if (xml == null || xml.isEmpty()) {
            return List.of();
        }
        List<T> out = new ArrayList<>(xml.size());
        for (X x : xml) {
            out.add(convert.apply(x));
        }
        return Collections.unmodifiableList(out);
    }

    static <X, T> T map(X xml, Function<X, T> convert) {
        return xml == null ? null : convert.apply(xml);
    }
}
