package org.pledgepad.pledges.imports;

/**
 * Input text that cannot be turned into a pledge document. Carries the 1-based line where the
 * problem was found so the editor can point at it.
 */
public final class ImportException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    public ImportException(int line, String message) {
        super("Zeile " + line + ": " + message);
        this.line = line;
    }

    /** 1-based line number of the problem. */
    public int line() {
        return line;
    }
}
