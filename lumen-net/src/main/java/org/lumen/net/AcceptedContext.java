package org.lumen.net;

/** A presentation context both ends agreed on: its ID, abstract syntax and the one transfer syntax. */
public record AcceptedContext(int id, String abstractSyntax, String transferSyntax) {
}
