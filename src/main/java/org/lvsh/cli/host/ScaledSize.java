package org.lvsh.cli.host;

import java.util.Locale;
import org.lvsh.cli.Failure;

/**
 * virsh's scaled integers for page sizes (vshCommandOptScaledInt with libvirt's virScaleInteger): a number with
 * an optional unit (4, 4K, 4KiB, 2M, 2MB, 1G, 2048KiB); no unit means KiB, "KB" style units are powers of 1000,
 * the others powers of 1024, and the size in bytes must fit an unsigned int. The result is rounded up to whole
 * KiB, as virsh does.
 */
final class ScaledSize {
    private static final long LIMIT_BYTES = 0xFFFFFFFFL;

    private ScaledSize() {
    }

    static long parseKib(String text, String option) {
        // strtoull: leading blanks and '+'; virsh's positive-only variant refuses a '-'
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i)) && text.charAt(i) < 128) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '+') {
            i++;
        }
        int digits = i;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        if (i == digits) {
            throw bad(text, option, null);
        }
        long value;
        try {
            value = Long.parseUnsignedLong(text.substring(digits, i));
        } catch (NumberFormatException e) {
            throw bad(text, option, null); // beyond unsigned long long: strtoull's ERANGE
        }
        String suffix = text.substring(i); // as libvirt takes it: "4 K" has the suffix " K"
        long scale = scale(suffix, text, option);
        if (value != 0 && Long.compareUnsigned(value, LIMIT_BYTES / scale) > 0) {
            throw bad(text, option, "numerical overflow: value too large: " + Long.toUnsignedString(value) + suffix);
        }
        long bytes = value * scale;
        return (bytes + 1023) / 1024;
    }

    private static long scale(String suffix, String text, String option) {
        if (suffix.isEmpty()) {
            return 1024;
        }
        String u = suffix.toLowerCase(Locale.ROOT);
        if (u.equals("b") || u.equals("byte") || u.equals("bytes")) {
            return 1;
        }
        long base;
        if (u.length() == 1 || u.substring(1).equals("ib")) {
            base = 1024;
        } else if (u.substring(1).equals("b")) {
            base = 1000;
        } else {
            throw unknown(suffix, text, option);
        }
        int power = "kmgtpe".indexOf(u.charAt(0)) + 1;
        if (power == 0) {
            throw unknown(suffix, text, option);
        }
        long scale = 1;
        for (int p = 0; p < power; p++) {
            scale *= base; // at most 1024^6: no overflow
        }
        return scale;
    }

    private static Failure unknown(String suffix, String text, String option) {
        return bad(text, option, "invalid argument: unknown suffix '" + suffix + "'");
    }

    /** virsh's two lines, the option's and libvirt's reason, as lvsh's one. */
    private static Failure bad(String text, String option, String reason) {
        return Failure.usage("Scaled numeric value '" + text + "' for <" + option
                + "> option is malformed or out of range" + (reason == null ? "" : ": " + reason));
    }
}
