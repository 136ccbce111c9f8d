package org.lvsh.cli.host;

import java.util.Locale;
import org.lvsh.cli.Failure;

/**
 * virsh's scaled integers for page sizes: a number with an optional unit (4, 4K, 4KiB, 2M, 2MB, 1G, 2048KiB);
 * no unit means KiB. "KB" style units are powers of 1000, the others powers of 1024. The result is rounded up
 * to whole KiB, as virsh does.
 */
final class ScaledSize {
    private ScaledSize() {
    }

    static long parseKib(String text, String option) {
        String t = text.strip();
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i)) && t.charAt(i) < 128) {
            i++;
        }
        if (i == 0) {
            throw bad(text, option);
        }
        long value;
        try {
            value = Long.parseLong(t.substring(0, i));
        } catch (NumberFormatException e) {
            throw bad(text, option);
        }
        long bytes = multiply(value, scale(t.substring(i).strip(), text, option), text, option);
        if (bytes > 0xFFFFFFFFL * 1024) {
            throw bad(text, option);
        }
        return (bytes + 1023) / 1024;
    }

    private static long scale(String unit, String text, String option) {
        if (unit.isEmpty()) {
            return 1024;
        }
        String u = unit.toLowerCase(Locale.ROOT);
        if (u.equals("b") || u.equals("byte") || u.equals("bytes")) {
            return 1;
        }
        int power = "kmgtpe".indexOf(u.charAt(0)) + 1;
        if (power == 0) {
            throw bad(text, option);
        }
        String rest = u.substring(1);
        long base;
        if (rest.isEmpty() || rest.equals("ib")) {
            base = 1024;
        } else if (rest.equals("b")) {
            base = 1000;
        } else {
            throw bad(text, option);
        }
        long scale = 1;
        for (int p = 0; p < power; p++) {
            scale = multiply(scale, base, text, option);
        }
        return scale;
    }

    private static long multiply(long a, long b, String text, String option) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw bad(text, option);
        }
    }

    private static Failure bad(String text, String option) {
        return Failure.usage("Scaled numeric value '" + text + "' for <" + option
                + "> option is malformed or out of range");
    }
}
