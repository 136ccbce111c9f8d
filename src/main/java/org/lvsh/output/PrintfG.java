package org.lvsh.output;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * C's printf("%g"), as libvirt prints a double typed parameter in event text: six significant digits, trailing
 * zeros dropped, an exponent ("1e+06") below 1e-4 or from 1e6. Java's %g keeps the zeros and has other limits.
 */
final class PrintfG {
    private static final int DIGITS = 6;

    private PrintfG() {
    }

    static String of(double d) {
        if (Double.isNaN(d)) {
            return Double.doubleToRawLongBits(d) < 0 ? "-nan" : "nan";
        }
        if (Double.isInfinite(d)) {
            return d < 0 ? "-inf" : "inf";
        }
        if (d == 0) {
            return Double.doubleToRawLongBits(d) < 0 ? "-0" : "0";
        }
        // glibc rounds the exact binary value, ties to even
        BigDecimal r = new BigDecimal(d).round(new MathContext(DIGITS, RoundingMode.HALF_EVEN));
        int exponent = r.precision() - r.scale() - 1;
        if (exponent >= -4 && exponent < DIGITS) {
            return r.stripTrailingZeros().toPlainString();
        }
        String mantissa = r.movePointLeft(exponent).stripTrailingZeros().toPlainString();
        return mantissa + (exponent < 0 ? "e-" : "e+") + String.format("%02d", Math.abs(exponent));
    }
}
