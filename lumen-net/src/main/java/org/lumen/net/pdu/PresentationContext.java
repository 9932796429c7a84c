package org.lumen.net.pdu;

import java.util.List;

/**
 * A presentation context item. In an A-ASSOCIATE-RQ it carries an abstract syntax and the proposed transfer syntaxes (result
 * unused); in an A-ASSOCIATE-AC it carries the result and, when accepted, the one chosen transfer syntax (abstract syntax null).
 */
public record PresentationContext(int id, int result, String abstractSyntax, List<String> transferSyntaxes) {
    public static final int ACCEPTANCE = 0;
    public static final int USER_REJECTION = 1;
    public static final int NO_REASON = 2;
    public static final int ABSTRACT_SYNTAX_NOT_SUPPORTED = 3;
    public static final int TRANSFER_SYNTAXES_NOT_SUPPORTED = 4;

    public PresentationContext {
        transferSyntaxes = List.copyOf(transferSyntaxes);
        if (id < 1 || id > 255 || (id & 1) == 0) {
            throw new IllegalArgumentException("Presentation context ID must be odd, 1..255: " + id);
        }
    }

    /** A proposed context, as in an A-ASSOCIATE-RQ. */
    public static PresentationContext proposed(int id, String abstractSyntax, String... transferSyntaxes) {
        return new PresentationContext(id, 0, abstractSyntax, List.of(transferSyntaxes));
    }

    /** An answer, as in an A-ASSOCIATE-AC. */
    public static PresentationContext answer(int id, int result, String transferSyntax) {
        return new PresentationContext(id, result, null, transferSyntax == null ? List.of() : List.of(transferSyntax));
    }

    public boolean accepted() {
        return result == ACCEPTANCE;
    }

    /** The one transfer syntax of an answer (null if none). */
    public String transferSyntax() {
        return transferSyntaxes.isEmpty() ? null : transferSyntaxes.get(0);
    }

    public static String describeResult(int result) {
        return switch (result) {
            case ACCEPTANCE -> "acceptance";
            case USER_REJECTION -> "user rejection";
            case NO_REASON -> "no reason (provider rejection)";
            case ABSTRACT_SYNTAX_NOT_SUPPORTED -> "abstract syntax not supported";
            case TRANSFER_SYNTAXES_NOT_SUPPORTED -> "transfer syntaxes not supported";
            default -> "result " + result;
        };
    }
}
