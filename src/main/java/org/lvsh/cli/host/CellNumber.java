package org.lvsh.cli.host;

import org.lvsh.cli.Failure;

/** A NUMA cell number given positionally or as --cellno, as virsh accepts it. */
final class CellNumber {
    private CellNumber() {
    }

    static Integer pick(Integer positional, Integer option) {
        if (positional != null && option != null) {
            throw Failure.usage("option --cellno already seen");
        }
        Integer cell = positional != null ? positional : option;
        if (cell != null && cell < 0) {
            throw Failure.usage("cell number must be non-negative integer");
        }
        return cell;
    }
}
